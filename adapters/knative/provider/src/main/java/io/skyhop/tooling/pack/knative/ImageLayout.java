package io.skyhop.tooling.pack.knative;

import java.util.List;

/**
 * Where things are in the {@code knative} image, and how it starts: the runtime jar and the app
 * bundle under {@value #APP_DIR}, started in single-app mode ({@value #MAIN}) on port {@value
 * #PORT} (or {@code $PORT}), data in {@value #DATA_DIR}.
 */
public final class ImageLayout {
  /** The image's working directory, holding the runtime and the bundle. */
  public static final String APP_DIR = "/app";

  /** The runtime's executable jar in the image. */
  public static final String RUNTIME_JAR = APP_DIR + "/skyhop-runtime.jar";

  /** The runtime's single-app entry point. */
  public static final String MAIN = "io.skyhop.runtime.SingleApp";

  /** The runtime's data directory (deployment, logs, admin token), on the container's disk. */
  public static final String DATA_DIR = "/tmp/skyhop";

  /** The port the runtime serves on; Knative's {@code PORT} variable wins when set. */
  public static final int PORT = 8080;

  /** The runtime's unauthenticated health endpoint, used by the probes. */
  public static final String HEALTH_PATH = "/_skyhop/health";

  /** JVM flags of the runtime's own (front door) JVM; workers get their own from the runtime. */
  static final List<String> RUNTIME_JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xmx128m");

  private ImageLayout() {}

  /** The app bundle in the image. */
  public static String bundle(String app) {
    return APP_DIR + "/" + app + ".zip";
  }

  /** The image tag of a project version: the version, its characters made valid in a tag. */
  public static String tag(String version) {
    String tag = version.replaceAll("[^A-Za-z0-9_.-]", "-");
    if (tag.isEmpty() || !Character.isLetterOrDigit(tag.charAt(0)) && tag.charAt(0) != '_') {
      tag = "v" + tag;
    }
    return tag.length() > 128 ? tag.substring(0, 128) : tag;
  }

  /** The OCI tarball's file name under {@code target/skyhop/knative/}. */
  public static String tarName(String app) {
    return app + "-image.tar";
  }

  /**
   * The image's entry point: {@code java … SingleApp --app-bundle … --data … --bind 0.0.0.0}, and
   * {@code --shared} when {@code shared} ({@link SharedWorker}). Arguments given to the container
   * (a CronJob's {@code --invoke FUNCTION}) follow it.
   */
  public static List<String> entrypoint(String app, boolean shared) {
    List<String> command = new java.util.ArrayList<>();
    command.add("java");
    command.addAll(RUNTIME_JVM_FLAGS);
    command.addAll(
        List.of(
            "-cp",
            RUNTIME_JAR,
            MAIN,
            "--app-bundle",
            bundle(app),
            "--data",
            DATA_DIR,
            "--bind",
            "0.0.0.0"));
    if (shared) {
      command.add(SharedWorker.RUNTIME_OPTION);
    }
    return List.copyOf(command);
  }
}
