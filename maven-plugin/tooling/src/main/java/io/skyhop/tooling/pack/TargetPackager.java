package io.skyhop.tooling.pack;

import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionIndex;
import io.skyhop.tooling.BuildListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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
  TargetEntry manifestEntry(PackageRequest request, FunctionDef function);

  /** The record of this target's entries, which {@link ManifestFile} reads them as. */
  Class<? extends TargetEntry> entryType();
}
