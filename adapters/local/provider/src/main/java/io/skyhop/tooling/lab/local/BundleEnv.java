package io.skyhop.tooling.lab.local;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.lab.LabException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A copy of a local bundle whose functions get more environment: the in-house runtime gives each
 * worker the environment the bundle's {@code skyhop-bundle.json} resolves per function ({@code
 * env}), so a lab measurement that adds variables (a tracing exporter) deploys such a copy.
 */
final class BundleEnv {
  /** The bundle's manifest at the zip's root (the runtime's {@code BundleExtractor.MANIFEST}). */
  static final String MANIFEST = "skyhop-bundle.json";

  private BundleEnv() {}

  /**
   * Writes {@code out}: {@code bundle} with {@code extra} added over every function's {@code env}.
   *
   * @throws LabException when the bundle has no {@value #MANIFEST} with an {@code env}
   */
  static Path write(Path bundle, Map<String, String> extra, Path out) throws IOException {
    boolean rewritten = false;
    try (ZipFile in = new ZipFile(bundle.toFile());
        OutputStream file = Files.newOutputStream(out);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        zip.putNextEntry(new ZipEntry(entry.getName()));
        try (InputStream data = in.getInputStream(entry)) {
          if (entry.getName().equals(MANIFEST)) {
            zip.write(withEnv(new String(data.readAllBytes(), StandardCharsets.UTF_8), extra));
            rewritten = true;
          } else {
            data.transferTo(zip);
          }
        }
        zip.closeEntry();
      }
    }
    if (!rewritten) {
      throw new LabException(
          "local: "
              + bundle
              + " has no "
              + MANIFEST
              + ", so its functions cannot be measured with more environment. Fix: package again"
              + " (mvn package)");
    }
    return out;
  }

  private static byte[] withEnv(String manifest, Map<String, String> extra) {
    JsonObject o = JsonParser.parseString(manifest).getAsJsonObject();
    if (!o.has("env")) {
      throw new LabException(
          "local: the bundle's "
              + MANIFEST
              + " has no env, so its functions cannot be measured with more environment. Fix:"
              + " package again (mvn package)");
    }
    JsonObject env = o.getAsJsonObject("env");
    for (Map.Entry<String, JsonElement> function : env.entrySet()) {
      JsonObject values = function.getValue().getAsJsonObject();
      extra.forEach(values::addProperty);
    }
    return new GsonBuilder()
        .setPrettyPrinting()
        .disableHtmlEscaping()
        .create()
        .toJson(o)
        .getBytes(StandardCharsets.UTF_8);
  }
}
