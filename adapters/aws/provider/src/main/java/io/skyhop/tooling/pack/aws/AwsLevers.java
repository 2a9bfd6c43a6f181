package io.skyhop.tooling.pack.aws;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.pack.FunctionLevers;
import java.util.Map;

/**
 * The cold-start levers of one function on Lambda: {@code @Function(snapStart, minInstances)},
 * {@value #SNAP_START} for every function, and {@value #ARCHITECTURE}; checked against the Lambda
 * runtime (SnapStart: Java 21 or later).
 */
public final class AwsLevers {
  /** SnapStart for every function of the project. */
  public static final String SNAP_START = "skyhop.aws.snapStart";

  /** The instruction set: {@code x86_64} (default) or {@code arm64} (Graviton). */
  public static final String ARCHITECTURE = io.skyhop.tooling.deploy.Architectures.PROPERTY;

  private AwsLevers() {}

  /**
   * A function's levers with the settings applied.
   *
   * @param runtime the function's Lambda runtime, e.g. {@code java21}
   * @throws ConfigurationException naming the setting when SnapStart is asked on Java below 21
   */
  public static FunctionLevers of(
      Map<String, String> settings, String function, FunctionLevers declared, String runtime) {
    boolean snapStart =
        declared.snapStart() || Boolean.parseBoolean(settings.getOrDefault(SNAP_START, "false"));
    if (snapStart && javaOf(runtime) < 21) {
      throw new ConfigurationException(
          declared.snapStart() ? "@Function(snapStart)" : SNAP_START,
          "SnapStart is on for function "
              + function
              + ", but its Lambda runtime is "
              + runtime
              + "; Skyhop deploys SnapStart on java21 and java25 only. Fix: build for Java 21 or"
              + " later (maven.compiler.release=21), or turn SnapStart off ("
              + (declared.snapStart()
                  ? "remove @Function(snapStart = true)"
                  : "unset " + SNAP_START)
              + ")");
    }
    return new FunctionLevers(snapStart, declared.minInstances());
  }

  /**
   * The architecture to deploy on.
   *
   * @throws ConfigurationException naming {@value #ARCHITECTURE} for another value
   */
  public static String architecture(Map<String, String> settings) {
    String value = settings.getOrDefault(ARCHITECTURE, "x86_64").trim();
    if (!value.equals("x86_64") && !value.equals("arm64")) {
      throw new ConfigurationException(
          ARCHITECTURE,
          value,
          "is not a Lambda architecture. Fix: use x86_64 (the default) or arm64 (Graviton)");
    }
    return value;
  }

  /** {@code java21} → 21, {@code java8.al2} → 8; 0 when the id names no version. */
  private static int javaOf(String runtime) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("java(\\d+)").matcher(runtime);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
