package io.skyhop.runtime;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.skyhop.core.FunctionIndex;
import io.skyhop.runtime.deploy.BundleExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Reads and narrows app bundles for {@link SingleApp}. */
final class SingleAppBundle {
  private SingleAppBundle() {}

  /**
   * The app name in the bundle's {@value BundleExtractor#MANIFEST}.
   *
   * @throws IOException when the bundle has no manifest naming its app
   */
  static String app(Path bundle) throws IOException {
    try (ZipFile zip = new ZipFile(bundle.toFile())) {
      ZipEntry entry = zip.getEntry(BundleExtractor.MANIFEST);
      if (entry == null) {
        throw new IOException("it has no " + BundleExtractor.MANIFEST);
      }
      try (InputStream in = zip.getInputStream(entry)) {
        JsonElement app =
            JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                .getAsJsonObject()
                .get("app");
        if (app == null || !app.isJsonPrimitive()) {
          throw new IOException(BundleExtractor.MANIFEST + " names no app");
        }
        return app.getAsString();
      } catch (JsonParseException | IllegalStateException e) {
        throw new IOException(BundleExtractor.MANIFEST + " is not JSON: " + e.getMessage());
      }
    }
  }

  /**
   * A copy of {@code bundle} in {@code dir} whose function index lists only the functions with a
   * trigger of {@code triggerType} ({@code http}, {@code queue}).
   *
   * @throws IOException when the bundle has no index
   */
  static Path only(Path bundle, Path dir, String triggerType) throws IOException {
    Path copy = dir.resolve(triggerType + "-" + bundle.getFileName());
    boolean indexed = false;
    try (ZipFile zip = new ZipFile(bundle.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        byte[] content;
        try (InputStream in = zip.getInputStream(entry)) {
          content = in.readAllBytes();
        }
        if (entry.getName().equals(FunctionIndex.RESOURCE)) {
          content = only(content, triggerType);
          indexed = true;
        }
        ZipEntry next = new ZipEntry(entry.getName());
        next.setTime(entry.getTime());
        out.putNextEntry(next);
        out.write(content);
        out.closeEntry();
      }
    }
    if (!indexed) {
      throw new IOException("it holds no " + FunctionIndex.RESOURCE + " at its root");
    }
    return copy;
  }

  /** The index JSON without the functions whose trigger is not of {@code triggerType}. */
  static byte[] only(byte[] index, String triggerType) throws IOException {
    try {
      JsonObject root =
          JsonParser.parseString(new String(index, StandardCharsets.UTF_8)).getAsJsonObject();
      JsonArray kept = new JsonArray();
      JsonArray functions = root.getAsJsonArray("functions");
      if (functions == null) {
        throw new IOException(FunctionIndex.RESOURCE + " lists no functions");
      }
      for (JsonElement f : functions) {
        JsonObject trigger = f.getAsJsonObject().getAsJsonObject("trigger");
        JsonElement type = trigger == null ? null : trigger.get("type");
        if (type != null && type.isJsonPrimitive() && triggerType.equals(type.getAsString())) {
          kept.add(f);
        }
      }
      root.add("functions", kept);
      return new GsonBuilder()
          .disableHtmlEscaping()
          .serializeNulls()
          .create()
          .toJson(root)
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonParseException | IllegalStateException | ClassCastException e) {
      throw new IOException(FunctionIndex.RESOURCE + " is not a function index: " + e);
    }
  }
}
