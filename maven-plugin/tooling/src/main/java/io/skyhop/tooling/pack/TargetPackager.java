package io.skyhop.tooling.pack;

import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionIndex;
import io.skyhop.tooling.BuildListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Packages a project for one target. */
public interface TargetPackager {
  /**
   * Writes the target's artifacts under {@code request.targetDir(target)}.
   *
   * @return the main files written (zip, folder, image…)
   */
  List<Path> pack(PackageRequest request, FunctionIndex index, BuildListener listener)
      throws IOException;

  /**
   * The target's part of a function's entry in {@code manifest.json}: its entry point (handler
   * string, entryPoint or class), runtime, and the environment it needs.
   */
  Map<String, Object> manifestEntry(PackageRequest request, FunctionDef function);
}
