package io.skyhop.api.processor;

import io.skyhop.api.Function;
import java.util.List;
import javax.lang.model.SourceVersion;

/** The rules for the cold-start levers of {@link Function}: SnapStart and minimum instances. */
final class LeverRules {
  /** The first Java release whose Lambda runtime Skyhop deploys with SnapStart. */
  static final int SNAP_START_RELEASE = 21;

  /** The most instances a provider keeps ready for one function (Cloud Run's limit). */
  static final int MAX_MIN_INSTANCES = 1000;

  private LeverRules() {}

  static void check(Function f, SourceVersion release, List<String> errors) {
    // ordinal == release number (RELEASE_0 … RELEASE_n); the SDK compiles for 17
    if (f.snapStart() && release.ordinal() < SNAP_START_RELEASE) {
      errors.add(
          "snapStart = true needs Java "
              + SNAP_START_RELEASE
              + " or later (Lambda's java21 and java25 runtimes), but this project compiles for Java "
              + release.ordinal()
              + ". Fix: set maven.compiler.release to 21 or later, or remove snapStart");
    }
    if (f.minInstances() < 0 || f.minInstances() > MAX_MIN_INSTANCES) {
      errors.add(
          "minInstances = "
              + f.minInstances()
              + " is out of range. Fix: set @Function(minInstances = ...) between 0 (scale to zero)"
              + " and "
              + MAX_MIN_INSTANCES);
    } else if (f.maxConcurrency() > 0 && f.minInstances() > f.maxConcurrency()) {
      errors.add(
          "minInstances = "
              + f.minInstances()
              + " is above maxConcurrency = "
              + f.maxConcurrency()
              + ", so the instances kept ready could never all serve. Fix: lower minInstances or"
              + " raise maxConcurrency");
    }
  }
}
