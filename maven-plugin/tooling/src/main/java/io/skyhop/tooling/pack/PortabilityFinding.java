package io.skyhop.tooling.pack;

import io.skyhop.tooling.Target;
import java.util.Objects;

/**
 * A setting a target cannot honour exactly: one row of the portability table.
 *
 * @param target the target
 * @param function the function's name, or {@code *} when the setting is app-wide on the target
 * @param setting the setting as users write it, e.g. {@code @Function(memoryMb)}
 * @param asked the value the project asks for
 * @param applied what the target applies instead, and why
 */
public record PortabilityFinding(
    Target target, String function, String setting, String asked, String applied) {
  /** Checks that every part is present. */
  public PortabilityFinding {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(asked, "asked");
    Objects.requireNonNull(applied, "applied");
  }
}
