package io.skyhop.tooling.cost;

/**
 * A price table that cannot be used: unreadable, not JSON, or with a field missing or wrong. The
 * message names the file, the field (a dotted path such as {@code plans.gcp.vcpuSecondUsd}, or
 * {@code $} for the whole document), what is wrong and how to fix it.
 */
public final class PriceTableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final String field;
  private final String problem;
  private final String fix;

  /**
   * A new error.
   *
   * @param file the file (or resource) the table was read from
   * @param field the dotted path of the field at fault, {@code $} for the whole document
   * @param problem what is wrong, e.g. {@code is missing}
   * @param fix what to do about it
   * @param cause the underlying error, or {@code null}
   */
  public PriceTableException(
      String file, String field, String problem, String fix, Throwable cause) {
    super("Price table " + file + ": field \"" + field + "\" " + problem + ". Fix: " + fix + ".");
    if (cause != null) {
      initCause(cause);
    }
    this.file = file;
    this.field = field;
    this.problem = problem;
    this.fix = fix;
  }

  /** The file (or resource) the table was read from. */
  public String file() {
    return file;
  }

  /** The dotted path of the field at fault, {@code $} for the whole document. */
  public String field() {
    return field;
  }

  /** What is wrong with the field. */
  public String problem() {
    return problem;
  }

  /** How to fix it. */
  public String fix() {
    return fix;
  }
}
