package io.skyhop.runtime.http;

/** The runtime's version, from its jar's manifest ({@code dev} when run from classes). */
final class SkyhopVersion {
  private SkyhopVersion() {}

  static String get() {
    String v = SkyhopVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
