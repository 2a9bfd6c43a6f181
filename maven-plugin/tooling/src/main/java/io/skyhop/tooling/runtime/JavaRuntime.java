package io.skyhop.tooling.runtime;

import io.skyhop.tooling.Target;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One provider's runtime for one Java release, with its dates.
 *
 * @param target the target
 * @param provider the provider's product name, e.g. {@code AWS Lambda}
 * @param release the Java release, e.g. 21
 * @param id the provider's runtime id, e.g. {@code java21} (Azure: the Java version, {@code 21})
 * @param deprecated when the provider stops patching it, if announced
 * @param blocked from when creating functions on it is refused, if announced
 * @param source where the facts come from (the runtime table and its page, or the provider's API)
 */
public record JavaRuntime(
    Target target,
    String provider,
    int release,
    String id,
    Optional<LocalDate> deprecated,
    Optional<LocalDate> blocked,
    String source) {}
