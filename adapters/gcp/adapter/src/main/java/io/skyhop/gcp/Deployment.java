package io.skyhop.gcp;

import io.skyhop.core.Adapters;
import io.skyhop.core.BoundFunction;
import io.skyhop.core.EnvSecrets;
import io.skyhop.core.FunctionRuntime;
import io.skyhop.core.InvocationContext;
import io.skyhop.core.Secrets;
import io.skyhop.core.Trigger;
import java.io.PrintStream;
import java.util.Map;

/**
 * What one Cloud Function serves: the Skyhop function named by {@code SKYHOP_FUNCTION} (read once,
 * when the invoker creates the entry class), bound and ready, and how to build its contexts.
 */
final class Deployment {
  /** The target id seen by functions in {@code Context.target()}. */
  static final String TARGET = "gcp";

  /** The kinds of entry class, each serving some trigger types. */
  enum Entry {
    // Names, not class literals: an HTTP instance never loads the event entry class.
    HTTP("io.skyhop.gcp.SkyhopHttpFunction", "http"),
    CLOUD_EVENT("io.skyhop.gcp.SkyhopEventFunction", "cloudevent");

    final String className;
    private final String signatureType;

    Entry(String className, String signatureType) {
      this.className = className;
      this.signatureType = signatureType;
    }

    /** The entry class serving a trigger: HTTP and schedules over HTTP, the rest as events. */
    static Entry of(Trigger trigger) {
      return trigger instanceof Trigger.Http || trigger instanceof Trigger.Schedule
          ? HTTP
          : CLOUD_EVENT;
    }
  }

  private final BoundFunction function;
  private final Map<String, String> env;
  private final Secrets secrets;
  private final PrintStream log;

  private Deployment(BoundFunction function, Map<String, String> env, PrintStream log) {
    this.function = function;
    this.env = env;
    this.secrets =
        new Secrets(
            function.name(),
            function.def().secrets(),
            new EnvSecrets(env, TARGET, "Google Secret Manager"));
    this.log = log;
  }

  /**
   * Loads the index from {@code loader} and binds the function named in {@code env}.
   *
   * @throws GcpSetupException when {@code SKYHOP_FUNCTION} is missing or its function's trigger is
   *     served by the other entry class
   * @throws io.skyhop.core.UnknownFunctionException when the package holds no such function
   */
  static Deployment load(
      Entry entry, Map<String, String> env, ClassLoader loader, PrintStream log) {
    FunctionRuntime runtime = FunctionRuntime.load(loader);
    String name = env.get(Adapters.FUNCTION_ENV);
    if (name == null || name.isBlank()) {
      throw new GcpSetupException(
          "The environment variable "
              + Adapters.FUNCTION_ENV
              + " is not set: it names the Skyhop function this Cloud Function serves. Fix: set "
              + Adapters.FUNCTION_ENV
              + " to one of "
              + runtime.index().functions().stream().map(f -> f.name()).toList()
              + " (the Skyhop Maven plugin writes it into manifest.json under targets.gcp.env).");
    }
    BoundFunction function = runtime.function(name.trim());
    Entry needed = Entry.of(function.def().trigger());
    if (needed != entry) {
      throw new GcpSetupException(
          "Function '"
              + function.name()
              + "' has a "
              + function.def().trigger().type()
              + " trigger, served by entry point "
              + needed.className
              + " (signature type "
              + needed.signatureType
              + "), but this Cloud Function runs "
              + entry.className
              + ". Fix: deploy it with the entryPoint that manifest.json gives under targets.gcp.");
    }
    try {
      runtime.prime(function.name()); // the invoker creates the entry class at instance start
    } catch (io.skyhop.core.FunctionFailedException e) {
      throw new GcpSetupException(
          "Priming function '"
              + function.name()
              + "' failed, so this instance does not start: "
              + e.getCause()
              + ". Fix: make its class's constructor and @Prime method succeed (the cause's stack"
              + " trace follows).",
          e.getCause());
    }
    return new Deployment(function, Map.copyOf(env), log);
  }

  /** The bound function. */
  BoundFunction function() {
    return function;
  }

  /** A context for one invocation, its deadline the function's timeout from now. */
  InvocationContext context(String requestId) {
    long deadline = System.currentTimeMillis() + function.def().timeoutSeconds() * 1000L;
    return InvocationContext.of(
        requestId,
        function.name(),
        TARGET,
        deadline,
        new CloudLogger(log, function.name(), requestId),
        env,
        secrets);
  }
}
