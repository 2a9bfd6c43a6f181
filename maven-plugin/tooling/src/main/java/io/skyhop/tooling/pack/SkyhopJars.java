package io.skyhop.tooling.pack;

import java.util.function.Predicate;

/**
 * Skyhop's own artifacts inside a package: which libraries they are, and which of their entries are
 * needed only at compile time.
 */
public final class SkyhopJars {
  /** The group of every Skyhop artifact. */
  public static final String GROUP = "io.skyhop";

  /**
   * Entries of a Skyhop jar that never run in a function: skyhop-sdk-api's annotation processor and
   * its registration.
   */
  public static final Predicate<String> COMPILE_TIME_ONLY =
      name ->
          name.startsWith("io/skyhop/api/processor/")
              || name.equals("META-INF/services/javax.annotation.processing.Processor");

  /**
   * Entries left out when a Skyhop jar is unpacked into a package: the compile-time only parts, and
   * the jar's own manifest and Maven metadata (which mean nothing outside the jar).
   */
  public static final Predicate<String> NOT_UNPACKED =
      COMPILE_TIME_ONLY.or(
          name -> name.equals("META-INF/MANIFEST.MF") || name.startsWith("META-INF/maven/"));

  private SkyhopJars() {}

  /** Whether a library is one of Skyhop's own (the SDK, the adapter core or an adapter). */
  public static boolean isSkyhop(Library library) {
    return library.key().startsWith(GROUP + ":");
  }
}
