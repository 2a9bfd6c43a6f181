package io.skyhop.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of a public top-level class as a serverless function. The method also
 * carries exactly one trigger annotation ({@link HttpTrigger}, {@link ScheduleTrigger}, {@link
 * QueueTrigger} or {@link StorageTrigger}).
 *
 * <pre>{@code
 * public class Orders {
 *   @Function(memoryMb = 512, timeoutSeconds = 10)
 *   @HttpTrigger(path = "/orders/{id}", methods = {HttpMethod.GET})
 *   public Order get(HttpRequest request, Context context) {
 *     return repository.find(request.pathParam("id"));
 *   }
 * }
 * }</pre>
 *
 * <p>Every rule is checked at compile time by the annotation processor shipped in this artifact: a
 * wrong function is a compile error naming the method and the fix. One instance of the class is
 * created per execution environment and reused across invocations, so the class needs a public
 * no-argument constructor.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Function {
  /**
   * The function's name, unique in the project and matching {@code ^[a-z][a-z0-9-]{0,40}[a-z0-9]$}.
   * Empty (the default) means the method name in kebab-case ({@code getOrder} becomes {@code
   * get-order}).
   */
  String name() default "";

  /** Memory in MB, 128 to 10240. */
  int memoryMb() default 512;

  /** Timeout in seconds, 1 to 900. */
  int timeoutSeconds() default 30;

  /** Maximum concurrent instances; 0 means the provider's default. */
  int maxConcurrency() default 0;

  /**
   * Environment variables as {@code KEY=VALUE} pairs: the defaults. A stage's properties file
   * ({@code src/main/skyhop/<stage>.properties}) and {@code -Dskyhop.env.KEY=…} override them at
   * package time.
   */
  String[] env() default {};

  /**
   * The secrets the function reads with {@link Context#secret(String)}, by name (matching {@code
   * ^[a-z][a-z0-9-]{0,62}$}, e.g. {@code db-password}). Values live in each target's secret store
   * (set with {@code mvn skyhop:secret -Dskyhop.secret=<name>}); only the names travel in the
   * package, and each target grants the function access to exactly these secrets.
   */
  String[] secrets() default {};

  /**
   * AWS Lambda SnapStart: deploy publishes a version, snapshots it after init (the {@link Prime}
   * method runs before the snapshot) and points the alias {@code live} at it; invocations, the
   * Function URL and event sources use the alias. Java 21 or later (Lambda's {@code java21} and
   * {@code java25} runtimes); other targets ignore it. Also set for every function with {@code
   * -Dskyhop.aws.snapStart=true}.
   */
  boolean snapStart() default false;

  /**
   * Instances kept started and ready (0, the default, scales to zero): Lambda provisioned
   * concurrency on the alias {@code live}, Azure Flex Consumption always-ready instances, Google
   * Cloud {@code minInstanceCount}, the in-house runtime's warm pool, Knative {@code min-scale}.
   * They are billed while idle; the report prices that baseline.
   */
  int minInstances() default 0;
}
