package io.skyhop.core;

/**
 * The lifecycle hooks of one function class, as the compile-time index records them.
 *
 * @param className binary name of the class
 * @param prime the {@code @Prime} method, or null
 * @param afterRestore the {@code @AfterRestore} method, or null
 */
public record ClassHooks(String className, String prime, String afterRestore) {}
