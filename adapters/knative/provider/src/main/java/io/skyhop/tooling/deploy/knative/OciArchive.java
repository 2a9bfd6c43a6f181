package io.skyhop.tooling.deploy.knative;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An OCI image tarball (an image layout in a tar: {@code oci-layout}, {@code index.json}, {@code
 * blobs/sha256/…}) unpacked into a directory: its one manifest, the config and the layers, by
 * digest.
 *
 * @param dir where the blobs were unpacked
 * @param manifestDigest the manifest's digest, {@code sha256:…}
 * @param manifest the manifest's bytes, exactly as in the tarball
 * @param mediaType the manifest's media type
 * @param config the config blob's digest
 * @param layers the layer blobs' digests, bottom first
 */
public record OciArchive(
    Path dir,
    String manifestDigest,
    byte[] manifest,
    String mediaType,
    String config,
    List<String> layers) {

  private static final Pattern BLOB = Pattern.compile("^blobs/sha256/[0-9a-f]{64}$");

  /**
   * Unpacks {@code tarball} into {@code dir}.
   *
   * @throws IOException when it is not an OCI tarball with exactly one image
   */
  public static OciArchive unpack(Path tarball, Path dir) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball))) {
      extract(in, dir);
    }
    Path indexFile = dir.resolve("index.json");
    if (!Files.isRegularFile(indexFile) || !Files.isRegularFile(dir.resolve("oci-layout"))) {
      throw new IOException(tarball + " is not an OCI image tarball (no index.json/oci-layout)");
    }
    try {
      JsonArray manifests =
          JsonParser.parseString(Files.readString(indexFile))
              .getAsJsonObject()
              .getAsJsonArray("manifests");
      if (manifests == null || manifests.size() != 1) {
        throw new IOException(tarball + " must hold exactly one image manifest");
      }
      JsonObject ref = manifests.get(0).getAsJsonObject();
      String digest = ref.get("digest").getAsString();
      byte[] manifest = Files.readAllBytes(blob(dir, digest));
      JsonObject m =
          JsonParser.parseString(new String(manifest, StandardCharsets.UTF_8)).getAsJsonObject();
      List<String> layers = new ArrayList<>();
      for (JsonElement layer : m.getAsJsonArray("layers")) {
        layers.add(layer.getAsJsonObject().get("digest").getAsString());
      }
      String mediaType =
          m.has("mediaType")
              ? m.get("mediaType").getAsString()
              : ref.get("mediaType").getAsString();
      return new OciArchive(
          dir,
          digest,
          manifest,
          mediaType,
          m.getAsJsonObject("config").get("digest").getAsString(),
          List.copyOf(layers));
    } catch (JsonParseException | IllegalStateException | NullPointerException e) {
      throw new IOException(tarball + " holds an unreadable index or manifest: " + e, e);
    }
  }

  /** A blob's file: {@code blobs/sha256/<hex>}. */
  public Path blob(String digest) throws IOException {
    return blob(dir, digest);
  }

  private static Path blob(Path dir, String digest) throws IOException {
    if (!digest.matches("^sha256:[0-9a-f]{64}$")) {
      throw new IOException("Not a sha256 digest: " + digest);
    }
    Path file = dir.resolve("blobs/sha256/" + digest.substring(7));
    if (!Files.isRegularFile(file)) {
      throw new IOException("The tarball has no blob " + digest);
    }
    return file;
  }

  /** Extracts the regular files of a (ustar) tar; only the layout's own names are accepted. */
  private static void extract(InputStream in, Path dir) throws IOException {
    byte[] header = new byte[512];
    while (true) {
      if (in.readNBytes(header, 0, 512) < 512) {
        throw new IOException("Truncated tar");
      }
      if (allZero(header)) {
        return;
      }
      String name = string(header, 0, 100);
      String prefix = string(header, 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
      String sizeField = string(header, 124, 12).trim();
      long size = sizeField.isEmpty() ? 0 : Long.parseLong(sizeField, 8);
      char type = (char) header[156];
      boolean file = type == '0' || type == 0;
      if (file
          && (BLOB.matcher(name).matches()
              || name.equals("index.json")
              || name.equals("oci-layout"))) {
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
          copy(in, out, size);
        }
      } else {
        skip(in, size);
      }
      skip(in, (512 - size % 512) % 512);
    }
  }

  private static void copy(InputStream in, OutputStream out, long size) throws IOException {
    byte[] buffer = new byte[65536];
    long left = size;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("Truncated tar");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private static void skip(InputStream in, long size) throws IOException {
    copy(in, OutputStream.nullOutputStream(), size);
  }

  private static String string(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static boolean allZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
