package io.skyhop.runtime.storage;

import com.google.gson.Gson;
import io.skyhop.api.StorageEvent;
import io.skyhop.runtime.store.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The runtime's object storage: {@code <data>/buckets/<bucket>/}, per object a metadata file {@code
 * <h>.json} and a data file {@code <h>.<eTag>.data}, where {@code <h>} is the SHA-256 of the key
 * (keys may hold any character, including {@code /} and {@code ..}, without ever naming a path). A
 * put writes the data file, then the metadata file that names it (by its eTag), each to a temporary
 * file that is synced and renamed, with the directory synced: the metadata rename is the commit, so
 * after a crash (even a power cut) an object is its old version or its new one, whole, and an
 * acknowledged put is on disk. The previous version's data file is deleted after the commit.
 * Objects written by older runtimes ({@code <h>.data}) are still read.
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

  /** Stores an object durably, replacing any with the same key; returns once it is on disk. */
  public synchronized ObjectInfo put(String bucket, String key, byte[] content) throws IOException {
    Path b = Files.createDirectories(dir.resolve(bucket));
    String name = fileName(key);
    ObjectInfo info =
        new ObjectInfo(bucket, key, content.length, md5(content), Instant.now().toString());
    Optional<ObjectInfo> previous = info(bucket, key);
    DurableFiles.write(dataFile(b, name, info.eTag()), content);
    DurableFiles.write(
        b.resolve(name + ".json"), gson.toJson(info).getBytes(StandardCharsets.UTF_8));
    if (previous.isPresent() && !previous.get().eTag().equals(info.eTag())) {
      Files.deleteIfExists(dataFile(b, name, previous.get().eTag()));
    }
    Files.deleteIfExists(b.resolve(name + ".data"));
    return info;
  }

  /** An object's content. */
  public Optional<byte[]> get(String bucket, String key) throws IOException {
    Optional<ObjectInfo> info = info(bucket, key);
    if (info.isEmpty()) {
      return Optional.empty();
    }
    Path b = dir.resolve(bucket);
    String name = fileName(key);
    Path data = dataFile(b, name, info.get().eTag());
    if (!Files.isRegularFile(data)) {
      data = b.resolve(name + ".data");
    }
    return Files.isRegularFile(data) ? Optional.of(Files.readAllBytes(data)) : Optional.empty();
  }

  private static Path dataFile(Path bucketDir, String name, String eTag) {
    return bucketDir.resolve(name + "." + eTag + ".data");
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
  public synchronized Optional<ObjectInfo> delete(String bucket, String key) throws IOException {
    Optional<ObjectInfo> info = info(bucket, key);
    if (info.isPresent()) {
      Path b = dir.resolve(bucket);
      String name = fileName(key);
      DurableFiles.delete(b.resolve(name + ".json"));
      Files.deleteIfExists(dataFile(b, name, info.get().eTag()));
      Files.deleteIfExists(b.resolve(name + ".data"));
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
