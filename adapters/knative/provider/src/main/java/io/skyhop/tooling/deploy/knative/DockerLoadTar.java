package io.skyhop.tooling.deploy.knative;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The {@code docker save} view of an unpacked {@link OciArchive} ({@code manifest.json} naming the
 * config and the layer blobs, the blobs themselves unchanged), the tar form Jib's public API takes
 * as an image to start from ({@code Jib.from(TarImage.at(…))}). Written with commons-compress.
 */
final class DockerLoadTar {
  private DockerLoadTar() {}

  /** Writes the view of {@code archive} to {@code tar} and returns it. */
  static Path write(OciArchive archive, String reference, Path tar) throws IOException {
    JsonObject entry = new JsonObject();
    entry.addProperty("Config", name(archive.config()));
    JsonArray tags = new JsonArray();
    tags.add(reference);
    entry.add("RepoTags", tags);
    JsonArray layers = new JsonArray();
    archive.layers().forEach(digest -> layers.add(name(digest)));
    entry.add("Layers", layers);
    JsonArray manifest = new JsonArray();
    manifest.add(entry);
    try (OutputStream file = Files.newOutputStream(tar);
        TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      byte[] json = manifest.toString().getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry m = new TarArchiveEntry("manifest.json");
      m.setSize(json.length);
      out.putArchiveEntry(m);
      out.write(json);
      out.closeArchiveEntry();
      for (String digest : blobs(archive)) {
        Path blob = archive.blob(digest);
        TarArchiveEntry e = new TarArchiveEntry(blob, name(digest));
        out.putArchiveEntry(e);
        Files.copy(blob, out);
        out.closeArchiveEntry();
      }
    }
    return tar;
  }

  private static List<String> blobs(OciArchive archive) {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(archive.config()), archive.layers().stream())
        .distinct()
        .toList();
  }

  /** {@code blobs/sha256/<hex>}, as in the OCI layout. */
  private static String name(String digest) {
    return "blobs/sha256/" + digest.substring("sha256:".length());
  }
}
