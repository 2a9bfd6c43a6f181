package io.skyhop.tooling.pack;

import io.skyhop.tooling.ConfigurationException;
import java.nio.file.Path;

/**
 * {@code manifest.json} is missing, unreadable or lacks a field; the message names the file, the
 * field and the fix (package again).
 */
public final class ManifestException extends ConfigurationException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;
  private final String field;

  /**
   * An error.
   *
   * @param file the manifest file
   * @param field the field's JSON path, e.g. {@code functions[2].trigger.type}
   * @param problemAndFix what is wrong and how to fix it
   */
  public ManifestException(Path file, String field, String problemAndFix) {
    super("manifest.json", file + ": " + field + " " + problemAndFix);
    this.file = file;
    this.field = field;
  }

  /** The manifest file. */
  public Path file() {
    return file;
  }

  /** The field's JSON path. */
  public String field() {
    return field;
  }
}
