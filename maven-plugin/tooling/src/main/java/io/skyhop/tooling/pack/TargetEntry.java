package io.skyhop.tooling.pack;

import java.util.Map;

/**
 * A target's part of a function's entry in {@code manifest.json} ({@code
 * functions[].targets.<id>}). Each target has its own record, supplied by its packager ({@link
 * TargetPackager#entryType()}); the record's component order is the order of the fields in the
 * file.
 */
public interface TargetEntry {
  /** The provider's runtime id, e.g. {@code java17} or {@code skyhop-runtime}. */
  String runtime();

  /** The environment the target needs (e.g. {@code SKYHOP_FUNCTION}), never null. */
  Map<String, String> env();
}
