package io.skyhop.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a function class that re-creates what must be fresh in an execution
 * environment restored from a snapshot (SnapStart on AWS Lambda, a CRaC {@code afterRestore}):
 * random seeds, connections, short-lived credentials. It runs once per restored environment, after
 * the restore and before the first request. Targets that start every environment from scratch never
 * call it; the {@link Prime} method ran in that environment itself.
 *
 * <p>Rules, checked at compile time: at most one per class, in a class with {@link Function}
 * methods; public, not static, no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AfterRestore {}
