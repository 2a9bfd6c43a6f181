package io.skyhop.tooling.pack.azure;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import io.skyhop.tooling.pack.PackageRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The jars of an Azure app's {@code lib/}: the project's runtime dependencies and the adapter. */
final class AzureLibraries {
  /**
   * The group of the jars the Azure Java worker provides; shipping them would shadow the worker's.
   */
  static final String PROVIDED_GROUP = "com.microsoft.azure.functions";

  private static final String SKYHOP_GROUP = "io.skyhop";

  private AzureLibraries() {}

  /**
   * The jars by their file name in {@code lib/}: the project's dependencies, then the adapter and
   * its dependencies, one jar per {@code groupId:artifactId}, without the worker-provided library.
   * When both sides bring an artifact in different versions, Skyhop's own artifacts come from the
   * adapter (it was built against them) and others from the project; either way with a warning.
   *
   * @throws ConfigurationException when the shell supplied no Azure adapter
   */
  static Map<String, Path> select(PackageRequest request, BuildListener listener) {
    List<Library> adapter = request.adapters(Target.named("azure"));
    if (adapter.stream().noneMatch(AzureLibraries::isAdapter)) {
      throw new ConfigurationException(
          "skyhop.targets",
          Target.named("azure").id(),
          "cannot be packaged: the Azure adapter "
              + SKYHOP_GROUP
              + ":"
              + AzurePackager.ADAPTER
              + " is missing from the Skyhop Maven plugin's dependencies. Fix: use a"
              + " skyhop-maven-plugin whose version matches skyhop-sdk-api, or remove azure from"
              + " skyhop.targets");
    }
    Map<String, Library> byKey = new LinkedHashMap<>();
    for (Library lib : request.dependencies()) {
      byKey.put(lib.key(), lib);
    }
    for (Library lib : adapter) {
      Library project = byKey.get(lib.key());
      if (project == null) {
        byKey.put(lib.key(), lib);
      } else if (!project.version().equals(lib.version())) {
        boolean adapterWins = lib.groupId().equals(SKYHOP_GROUP);
        Library kept = adapterWins ? lib : project;
        listener.warn(
            "azure: the project uses "
                + project.key()
                + ":"
                + project.version()
                + " and the Skyhop adapter "
                + lib.version()
                + "; lib/ holds "
                + kept.version()
                + ". Align the versions to remove this warning.");
        byKey.put(lib.key(), kept);
      }
    }
    Map<String, Path> files = new LinkedHashMap<>();
    List<String> dropped = new ArrayList<>();
    for (Library lib : byKey.values()) {
      if (lib.groupId().equals(PROVIDED_GROUP)) {
        dropped.add(lib.key());
        continue;
      }
      String name = lib.fileName();
      if (files.containsKey(name)) {
        name = lib.groupId() + "." + name;
      }
      files.put(name, lib.file());
    }
    if (!dropped.isEmpty()) {
      listener.info("azure: not shipping " + dropped + ": the Azure Java worker provides them");
    }
    return files;
  }

  private static boolean isAdapter(Library lib) {
    return lib.groupId().equals(SKYHOP_GROUP) && lib.artifactId().equals(AzurePackager.ADAPTER);
  }
}
