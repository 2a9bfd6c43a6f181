package io.skyhop.it;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** How the tests that call javac themselves compile function code: the way users' builds do. */
public final class FunctionJavac {
  private FunctionJavac() {}

  /**
   * javac options that compile for release 17 against {@code classPath} into {@code classes} and
   * run the SDK's annotation processor (it checks every function and writes the index), named on
   * the processor path as the archetype's pom names it: since JDK 23 javac runs no processor found
   * on the class path.
   */
  public static List<String> options(String classPath, Path classes) {
    return List.of(
        "--release",
        "17",
        "-classpath",
        classPath,
        "--processor-path",
        sdkApi().toString(),
        "-d",
        classes.toString());
  }

  /** skyhop-sdk-api as this test run sees it: its jar, or its classes in a reactor build. */
  private static Path sdkApi() {
    try {
      return Path.of(
          io.skyhop.api.Function.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
