package io.skyhop.it.azure.worker;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.BindingName;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Invokes one function the way the Azure Java worker does: {@code entryPoint} split at its last dot
 * into class and method, a new instance of the class per invocation, each parameter bound by the
 * {@code name()} of its binding annotation against the bindings of {@code function.json} (or by
 * {@code @BindingName} to trigger metadata), {@link ExecutionContext} injected by type, and a
 * return value sent to the {@code $return} binding. It is stricter than the worker: a parameter
 * without a binding, an input binding no parameter takes, a {@code byte[]} without {@code dataType:
 * binary} or a return value without {@code $return} (and the reverse) are errors.
 *
 * <p>Input map: {@code functionName}, {@code invocationId}, {@code trigger} (a map with {@code
 * method}, {@code url}, {@code headers}, {@code body} for HTTP; else the trigger data as {@code
 * String} or {@code byte[]}), {@code metadata} (trigger metadata by name). Output map: {@code
 * logs}, then {@code threw} (what the function threw) or {@code status}, {@code headers} and {@code
 * body} for an HTTP response.
 */
public final class JavaWorker
    implements BiFunction<Map<String, Object>, Map<String, Object>, Map<String, Object>> {
  private static final String ANNOTATIONS = "com.microsoft.azure.functions.annotation";

  private final ClassLoader appLoader;

  /** A worker running the app loaded by {@code appLoader}. */
  public JavaWorker(ClassLoader appLoader) {
    this.appLoader = appLoader;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> apply(Map<String, Object> functionJson, Map<String, Object> input) {
    String entryPoint = (String) functionJson.get("entryPoint");
    int dot = entryPoint.lastIndexOf('.');
    String className = entryPoint.substring(0, dot);
    String methodName = entryPoint.substring(dot + 1);
    List<Map<String, Object>> bindings = (List<Map<String, Object>>) functionJson.get("bindings");
    WorkerContext context =
        new WorkerContext((String) input.get("functionName"), (String) input.get("invocationId"));
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("logs", context.lines());
    try {
      Class<?> type = Class.forName(className, true, appLoader);
      Method method = method(type, methodName);
      Object[] args = arguments(method, bindings, input, context);
      checkReturn(method, bindings);
      Object instance = type.getDeclaredConstructor().newInstance();
      Object result;
      try {
        result = method.invoke(instance, args);
      } catch (InvocationTargetException e) {
        output.put("threw", e.getCause().toString());
        return output;
      }
      if (result instanceof HttpResponseMessage response) {
        output.put("status", response.getStatusCode());
        output.put("headers", ((WorkerHttpResponse) response).headers());
        output.put("body", response.getBody());
      } else if (result != null) {
        output.put("return", result);
      }
      return output;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("The worker cannot load " + entryPoint + ": " + e, e);
    }
  }

  private static Method method(Class<?> type, String name) {
    List<Method> found = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name)) {
        found.add(m);
      }
    }
    if (found.size() != 1) {
      throw new IllegalStateException(
          found.size() + " public methods named " + name + " in " + type.getName());
    }
    return found.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Object[] arguments(
      Method method,
      List<Map<String, Object>> bindings,
      Map<String, Object> input,
      ExecutionContext context) {
    Parameter[] params = method.getParameters();
    Object[] args = new Object[params.length];
    Set<String> bound = new HashSet<>();
    Map<String, Object> metadata = (Map<String, Object>) input.getOrDefault("metadata", Map.of());
    for (int i = 0; i < params.length; i++) {
      Parameter p = params[i];
      if (p.getType() == ExecutionContext.class) {
        args[i] = context;
        continue;
      }
      BindingName metadataName = p.getAnnotation(BindingName.class);
      if (metadataName != null) {
        args[i] = metadata.get(metadataName.value());
        continue;
      }
      String name = bindingName(p);
      Map<String, Object> binding =
          bindings.stream()
              .filter(b -> name.equals(b.get("name")))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Parameter '" + name + "' has no binding in function.json " + bindings));
      if (!"in".equals(binding.get("direction"))) {
        throw new IllegalStateException("Binding '" + name + "' is not an input: " + binding);
      }
      args[i] = value(p, binding, input.get("trigger"));
      bound.add(name);
    }
    for (Map<String, Object> b : bindings) {
      if ("in".equals(b.get("direction")) && !bound.contains(b.get("name"))) {
        throw new IllegalStateException("No parameter takes the input binding " + b);
      }
    }
    return args;
  }

  private static String bindingName(Parameter p) {
    for (Annotation a : p.getAnnotations()) {
      if (a.annotationType().getPackageName().equals(ANNOTATIONS)) {
        try {
          return (String) a.annotationType().getMethod("name").invoke(a);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(a + " has no name()", e);
        }
      }
    }
    throw new IllegalStateException("Parameter " + p + " has no binding annotation");
  }

  @SuppressWarnings("unchecked")
  private static Object value(Parameter p, Map<String, Object> binding, Object data) {
    boolean binary = "binary".equals(binding.get("dataType"));
    if ("httpTrigger".equals(binding.get("type"))) {
      if (!binary || !p.getParameterizedType().getTypeName().endsWith("Optional<byte[]>>")) {
        throw new IllegalStateException(
            "An HttpRequestMessage<Optional<byte[]>> needs dataType binary: " + binding);
      }
      return request((Map<String, Object>) data);
    }
    if (p.getType() == byte[].class) {
      if (!binary) {
        throw new IllegalStateException("A byte[] parameter needs dataType binary: " + binding);
      }
      return data instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : data;
    }
    if (p.getType() == String.class) {
      if (binary) {
        throw new IllegalStateException("A String parameter with dataType binary: " + binding);
      }
      return data instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : data;
    }
    throw new IllegalStateException("This worker binds no " + p.getType() + " parameters");
  }

  @SuppressWarnings("unchecked")
  private static WorkerHttpRequest request(Map<String, Object> http) {
    URI uri = URI.create((String) http.get("url"));
    Map<String, String> query = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        query.put(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return new WorkerHttpRequest(
        HttpMethod.valueOf((String) http.get("method")),
        uri,
        (Map<String, String>) http.getOrDefault("headers", Map.of()),
        query,
        (byte[]) http.get("body"));
  }

  private static void checkReturn(Method method, List<Map<String, Object>> bindings) {
    boolean hasReturn =
        bindings.stream()
            .anyMatch(b -> "$return".equals(b.get("name")) && "out".equals(b.get("direction")));
    boolean returns = method.getReturnType() != void.class;
    if (hasReturn != returns) {
      throw new IllegalStateException(
          method.getName()
              + (returns ? " returns a value but" : " returns nothing but")
              + (hasReturn ? " function.json has" : " function.json has no")
              + " $return binding");
    }
  }
}
