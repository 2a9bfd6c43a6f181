package io.skyhop.core;

import io.skyhop.api.HttpMethod;
import io.skyhop.core.trace.Tracer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The functions of one package, loaded from its compile-time index. Functions bind lazily (on first
 * use), so an execution environment that serves one function loads only that function's class.
 */
public final class FunctionRuntime {
  private final FunctionIndex index;
  private final ClassLoader loader;
  private final Instances instances;
  private final Json json;
  private final Map<String, BoundFunction> bound = new LinkedHashMap<>();
  private final Tracer tracer;

  private FunctionRuntime(FunctionIndex index, ClassLoader loader, Json json, Tracer tracer) {
    this.index = index;
    this.loader = loader;
    this.json = json;
    this.tracer = tracer;
    this.instances = new Instances(new Priming(index.hooks()));
  }

  /**
   * Loads the index from a class loader; tracing as the process environment configures it.
   *
   * @throws IndexException when the index is missing or unreadable
   * @throws io.skyhop.core.trace.TraceSetupException when a tracing setting is unusable
   */
  public static FunctionRuntime load(ClassLoader loader) {
    return load(loader, System.getenv());
  }

  /**
   * Loads the index from a class loader; tracing as {@code env} configures it (an OTLP endpoint in
   * {@code OTEL_EXPORTER_OTLP_ENDPOINT} or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}).
   *
   * @throws IndexException when the index is missing or unreadable
   * @throws io.skyhop.core.trace.TraceSetupException when a tracing setting is unusable
   */
  public static FunctionRuntime load(ClassLoader loader, Map<String, String> env) {
    // Looked up by name here: with tracing off, no class of io.skyhop.core.trace is loaded.
    Tracer tracer =
        env.get("OTEL_EXPORTER_OTLP_ENDPOINT") == null
                && env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") == null
            ? null
            : Tracer.fromEnv(env);
    return new FunctionRuntime(FunctionIndex.load(loader), loader, new Json(), tracer);
  }

  /** The index. */
  public FunctionIndex index() {
    return index;
  }

  /** The JSON codec. */
  public Json json() {
    return json;
  }

  /**
   * The function with this name, bound and ready to call.
   *
   * @throws UnknownFunctionException if the index holds no such function
   */
  public synchronized BoundFunction function(String name) {
    BoundFunction f = bound.get(name);
    if (f == null) {
      f = new BoundFunction(index.function(name), loader, instances, json, tracer);
      bound.put(name, f);
    }
    return f;
  }

  /**
   * Primes the execution environment for a function: creates the instance of its class, which runs
   * the class's {@code @Prime} method. Exactly once per environment: later calls, and the first
   * request, find the primed instance. Targets call it before the environment serves.
   *
   * @throws FunctionFailedException when the constructor or the prime method throws
   */
  public void prime(String functionName) throws FunctionFailedException {
    instances.get(functionClass(functionName), functionName);
  }

  /**
   * Runs the {@code @AfterRestore} method of a function's class on its instance, in an environment
   * restored from a snapshot; nothing when the class declares none or was never instantiated.
   *
   * @throws FunctionFailedException when the method throws
   */
  public void afterRestore(String functionName) throws FunctionFailedException {
    instances.afterRestore(functionClass(functionName), functionName);
  }

  private Class<?> functionClass(String functionName) {
    String className = index.function(functionName).className();
    try {
      return Class.forName(className, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IndexException(
          "Cannot load "
              + className
              + ", named in "
              + FunctionIndex.RESOURCE
              + ". Fix: package the classes and the index from the same build.",
          e);
    }
  }

  /** The route for a request to one of the HTTP functions. */
  public Route route(HttpMethod method, String path) {
    List<FunctionDef> candidates = new ArrayList<>();
    for (FunctionDef f : index.functions()) {
      if (f.trigger() instanceof Trigger.Http http && http.path().match(path).isPresent()) {
        candidates.add(f);
      }
    }
    if (candidates.isEmpty()) {
      return new Route.NotFound();
    }
    candidates.sort(
        (a, b) ->
            PathTemplate.bySpecificity(
                ((Trigger.Http) a.trigger()).path(), ((Trigger.Http) b.trigger()).path()));
    Set<HttpMethod> allowed = new LinkedHashSet<>();
    for (FunctionDef f : candidates) {
      Trigger.Http http = (Trigger.Http) f.trigger();
      if (http.methods().contains(method)) {
        return new Route.Found(function(f.name()), http.path().match(path).orElseThrow());
      }
      allowed.addAll(http.methods());
    }
    return new Route.MethodNotAllowed(List.copyOf(allowed));
  }

  /** The outcome of routing an HTTP request. */
  public sealed interface Route {
    /** A function serves the request. */
    record Found(BoundFunction function, Map<String, String> pathParams) implements Route {}

    /** No function's path matches: 404. */
    record NotFound() implements Route {}

    /** A path matches, but not with this method: 405 with {@code Allow}. */
    record MethodNotAllowed(List<HttpMethod> allowed) implements Route {}
  }

  /** Finds the function for a name, if any (for callers that prefer not to throw). */
  public Optional<FunctionDef> find(String name) {
    return index.functions().stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
