package io.skyhop.tooling.pack.local;

import com.google.gson.GsonBuilder;
import io.skyhop.core.FunctionIndex;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.ZipWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the {@code local} bundle zip. */
final class LocalBundle {
  /** The bundle's manifest at the zip's root, read by the runtime. */
  static final String MANIFEST = "skyhop-bundle.json";

  /** The bundle format the runtime reads. */
  static final int FORMAT = 1;

  static final String CORE = "io.skyhop:skyhop-adapter-core";
  static final String GSON = "com.google.code.gson:gson";

  private LocalBundle() {}

  /**
   * Writes the zip; returns it. The manifest's {@code env} holds each function's resolved
   * environment (the stage's values over the {@code @Function(env)} defaults of the compiled
   * index), which the runtime gives its workers.
   */
  static Path write(PackageRequest request, FunctionIndex index, Path zip, BuildListener listener)
      throws IOException {
    Map<String, Library> libs = libraries(request, listener);
    List<String> classPath = new ArrayList<>();
    libs.values().forEach(l -> classPath.add("lib/" + l.fileName()));
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", FORMAT);
    manifest.put("app", request.app());
    manifest.put("version", request.version());
    manifest.put("javaRelease", request.javaRelease());
    manifest.put("classPath", classPath);
    Map<String, Map<String, String>> env = new LinkedHashMap<>();
    index.functions().forEach(f -> env.put(f.name(), f.env()));
    manifest.put("env", env);
    try (ZipWriter out = ZipWriter.create(zip)) {
      out.add(
          MANIFEST,
          new GsonBuilder()
              .setPrettyPrinting()
              .disableHtmlEscaping()
              .create()
              .toJson(manifest)
              .getBytes(StandardCharsets.UTF_8));
      out.addTree(request.classesDir(), "");
      for (Library lib : libs.values()) {
        out.addFile(lib.file(), "lib/" + lib.fileName());
      }
    }
    return zip;
  }

  /**
   * The jars of {@code lib/} by {@code groupId:artifactId}: the project's, then the adapter core's
   * (whose versions win, with a warning when they differ).
   *
   * @throws ConfigurationException when the adapter core or Gson is missing
   */
  static Map<String, Library> libraries(PackageRequest request, BuildListener listener) {
    Map<String, Library> libs = new LinkedHashMap<>();
    request.dependencies().forEach(l -> libs.put(l.key(), l));
    for (Library lib : request.adapters(Target.named("local"))) {
      Library project = libs.put(lib.key(), lib);
      if (project != null && !project.version().equals(lib.version())) {
        listener.warn(
            "local: the project depends on "
                + project.key()
                + " "
                + project.version()
                + " but the Skyhop adapter core needs "
                + lib.version()
                + "; the bundle holds "
                + lib.version()
                + ". Fix: depend on "
                + lib.version()
                + " to run what you test");
      }
    }
    for (String required : List.of(CORE, GSON)) {
      if (!libs.containsKey(required)) {
        throw new ConfigurationException(
            "skyhop.targets",
            "local",
            "cannot be packaged: "
                + required
                + " is not among the plugin's artifacts. Fix: use a skyhop-maven-plugin whose"
                + " dependencies include it (any released version does), or remove local from"
                + " skyhop.targets");
      }
    }
    return libs;
  }
}
