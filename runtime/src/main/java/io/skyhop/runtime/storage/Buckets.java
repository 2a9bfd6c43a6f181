package io.skyhop.runtime.storage;

import com.google.gson.Gson;
import io.skyhop.api.StorageEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runtime's object storage: {@code <data>/buckets/<bucket>/}, one data file and one metadata
 * file per object, named by the SHA-256 of the key (keys may hold any character, including {@code
 * /} and {@code ..}, without ever naming a path). Writes are atomic (temporary file, rename). Each
 * change is reported to a listener, which turns it into storage events.
 */
public final class Buckets {
  /** Bucket names, as S3's rules. */
  public static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,62}$");

  /** The longest key, in UTF-8 bytes (S3's limit). */
  public static final int MAX_KEY_BYTES = 1024;

  private final Path dir;
  private final Gson gson = new Gson();

  /** The buckets under {@code dir}. */
  public Buckets(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  /**
   * An object's metadata.
   *
   * @param bucket the bucket
   * @param key the key
   * @param size the size in bytes
   * @param eTag the MD5 of the content, hex, as S3's single-part eTag
   * @param lastModified when it was written (ISO-8601)
   */
  public record ObjectInfo(String bucket, String key, long size, String eTag, String lastModified) {
    /** The event of this object's creation or deletion. */
    public StorageEvent event(StorageEvent.Type type) {
      return new StorageEvent(
          bucket, key, type == StorageEvent.Type.DELETED ? 0 : size, type, eTag);
    }
  }

  /** Stores an object, replacing any with the same key. */
  public ObjectInfo put(String bucket, String key, byte[] content) throws IOException {
    Path b = Files.createDirectories(dir.resolve(bucket));
    String name = fileName(key);
    ObjectInfo info =
        new ObjectInfo(bucket, key, content.length, md5(content), Instant.now().toString());
    write(b.resolve(name + ".data"), content);
    write(b.resolve(name + ".json"), gson.toJson(info).getBytes(StandardCharsets.UTF_8));
    return info;
  }

  /** An object's content. */
  public Optional<byte[]> get(String bucket, String key) throws IOException {
    Path data = dir.resolve(bucket).resolve(fileName(key) + ".data");
    return Files.isRegularFile(data) ? Optional.of(Files.readAllBytes(data)) : Optional.empty();
  }

  /** An object's metadata. */
  public Optional<ObjectInfo> info(String bucket, String key) throws IOException {
    Path meta = dir.resolve(bucket).resolve(fileName(key) + ".json");
    return Files.isRegularFile(meta)
        ? Optional.of(gson.fromJson(Files.readString(meta), ObjectInfo.class))
        : Optional.empty();
  }

  /**
   * Deletes an object.
   *
   * @return its metadata, or empty when there was none
   */
  public Optional<ObjectInfo> delete(String bucket, String key) throws IOException {
    Optional<ObjectInfo> info = info(bucket, key);
    if (info.isPresent()) {
      String name = fileName(key);
      Files.deleteIfExists(dir.resolve(bucket).resolve(name + ".json"));
      Files.deleteIfExists(dir.resolve(bucket).resolve(name + ".data"));
    }
    return info;
  }

  /** The objects of a bucket, sorted by key. */
  public List<ObjectInfo> list(String bucket) throws IOException {
    Path b = dir.resolve(bucket);
    List<ObjectInfo> all = new ArrayList<>();
    if (!Files.isDirectory(b)) {
      return all;
    }
    try (Stream<Path> files = Files.list(b)) {
      for (Path meta : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        all.add(gson.fromJson(Files.readString(meta), ObjectInfo.class));
      }
    }
    all.sort((x, y) -> x.key().compareTo(y.key()));
    return all;
  }

  private static void write(Path file, byte[] content) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), ".put-", ".tmp");
    Files.write(tmp, content);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String fileName(String key) {
    return HexFormat.of().formatHex(digest("SHA-256", key.getBytes(StandardCharsets.UTF_8)));
  }

  private static String md5(byte[] content) {
    return HexFormat.of().formatHex(digest("MD5", content));
  }

  private static byte[] digest(String algorithm, byte[] content) {
    try {
      return MessageDigest.getInstance(algorithm).digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
