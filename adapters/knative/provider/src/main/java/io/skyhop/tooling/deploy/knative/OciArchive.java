package io.skyhop.tooling.deploy.knative;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

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

  /** Extracts the regular files of a tar; only the layout's own names are accepted. */
  private static void extract(InputStream in, Path dir) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        String name = e.getName();
        if (e.isFile()
            && (BLOB.matcher(name).matches()
                || name.equals("index.json")
                || name.equals("oci-layout"))) {
          Path target = dir.resolve(name);
          Files.createDirectories(target.getParent());
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
