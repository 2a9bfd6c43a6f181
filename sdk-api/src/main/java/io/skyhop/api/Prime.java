package io.skyhop.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a function class that primes an execution environment: it runs exactly once
 * per environment, on the instance that will serve, before the environment serves its first
 * request. Each target runs it at its moment: before the snapshot with SnapStart on AWS Lambda (a
 * CRaC {@code beforeCheckpoint}), at init without it, at instance start on Azure, Google Cloud and
 * Knative, and before a worker of the in-house runtime is marked ready (and in that runtime's
 * class-data-sharing training run, so what priming loads is archived).
 *
 * <pre>{@code
 * public class Orders {
 *   private Catalog catalog;
 *
 *   @Prime
 *   public void warm() {
 *     catalog = Catalog.load(); // the first request finds it loaded
 *   }
 * }
 * }</pre>
 *
 * <p>Rules, checked at compile time: at most one per class, in a class with {@link Function}
 * methods; public, not static, no parameters. An exception thrown here fails the environment's
 * start (the target reports an init error), never a request. Work that must be fresh in each
 * environment restored from a snapshot (random seeds, connections, credentials) belongs in {@link
 * AfterRestore}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Prime {}
