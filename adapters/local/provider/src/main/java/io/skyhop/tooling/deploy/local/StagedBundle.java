package io.skyhop.tooling.deploy.local;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.naming.ClusterNames;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.pack.ZipWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The bundle one stage deploys. Without a stage it is the packaged {@code local/<app>.zip} as is.
 * With one it is a copy, {@code local/<app>-<stage>.zip}, whose function index names the stage's
 * own queues and buckets ({@link ClusterNames#queue}, {@link ClusterNames#bucket}), so two stages
 * on one runtime each consume their own messages and storage events. The code is unchanged.
 */
final class StagedBundle {
  /** The function index inside the bundle (classes are at its root). */
  static final String INDEX = "META-INF/skyhop/functions.json";

  private StagedBundle() {}

  /** The bundle to deploy for {@code naming}'s stage. */
  static Path of(Path packaged, Naming naming) throws IOException {
    if (naming.stage().isEmpty()) {
      return packaged;
    }
    ClusterNames names = naming.cluster();
    Path staged = packaged.resolveSibling(names.app() + ".zip");
    boolean indexed = false;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(packaged));
        ZipWriter out = ZipWriter.create(staged)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(INDEX)) {
          out.add(e.getName(), rename(in.readAllBytes(), names));
          indexed = true;
        } else if (e.isDirectory()) {
          out.addDirectory(e.getName());
        } else {
          out.add(e.getName(), in.readAllBytes());
        }
      }
    }
    if (!indexed) {
      Files.deleteIfExists(staged);
      throw new ConfigurationException(
          "skyhop.targets",
          packaged
              + " has no "
              + INDEX
              + ". Fix: run 'mvn package' with local in skyhop.targets and this version of Skyhop");
    }
    return staged;
  }

  /** The index with every queue and bucket name replaced by the stage's. */
  static byte[] rename(byte[] index, ClusterNames names) {
    JsonObject root =
        JsonParser.parseString(new String(index, StandardCharsets.UTF_8)).getAsJsonObject();
    for (JsonElement f : root.getAsJsonArray("functions")) {
      JsonObject trigger = f.getAsJsonObject().getAsJsonObject("trigger");
      if (trigger.has("queue")) {
        trigger.addProperty("queue", names.queue(trigger.get("queue").getAsString()));
      }
      if (trigger.has("bucket")) {
        trigger.addProperty("bucket", names.bucket(trigger.get("bucket").getAsString()));
      }
    }
    return new GsonBuilder()
        .disableHtmlEscaping()
        .create()
        .toJson(root)
        .getBytes(StandardCharsets.UTF_8);
  }
}
