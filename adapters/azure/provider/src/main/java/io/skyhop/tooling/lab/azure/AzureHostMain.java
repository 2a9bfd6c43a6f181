package io.skyhop.tooling.lab.azure;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.skyhop.tooling.lab.HttpInstance;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLClassLoader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * The lab's stand-in for the Azure Functions host and Java worker, for one function of an app
 * folder ({@code target/skyhop/azure/<app>/}): it loads the app the way the worker does (the {@code
 * scriptFile} jar and {@code lib/} on their own class loader, which sees the Azure library but no
 * host class; the entry class and method from {@code entryPoint}; parameters bound by the {@code
 * name} of their binding annotation, {@code @BindingName} metadata and the {@code
 * ExecutionContext}; a new instance of the entry class per invocation) and serves it on 127.0.0.1:
 * an {@code httpTrigger} at {@code /api/<route>}, other triggers at {@code POST
 * /admin/functions/<name>} (the host's admin endpoint, body {@code {"input": "..."}}), answered
 * when the execution ends. It is not the Azure host: no extension bundle, no storage bindings, no
 * gRPC between host and worker; reports call its figures "azure (local harness)".
 *
 * <p>Usage: {@code AzureHostMain <appDir> <function> <port>}.
 */
public final class AzureHostMain {
  private final FunctionFolder function;
  private final AzureApi api;
  private final Class<?> entryClass;
  private final Method entryMethod;
  private final Logger logger;
  private final Gson gson = new Gson();

  private AzureHostMain(FunctionFolder function, AzureApi api, Class<?> entryClass, Method method) {
    this.function = function;
    this.api = api;
    this.entryClass = entryClass;
    this.entryMethod = method;
    this.logger = Logger.getLogger("Function." + function.name() + ".User");
  }

  /** Starts the host; it runs until killed. */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("Usage: AzureHostMain <appDir> <function> <port>");
      System.exit(2);
    }
    FunctionFolder function = FunctionFolder.read(Path.of(args[0]), args[1]);
    ClassLoader host = AzureHostMain.class.getClassLoader();
    AzureApi api = new AzureApi(host);
    URLClassLoader app = new URLClassLoader(function.classPath(), new LibraryOnly(host));
    Class<?> entryClass = Class.forName(function.className(), false, app);
    Method method = entryMethod(entryClass, function.methodName());
    new AzureHostMain(function, api, entryClass, method).serve(Integer.parseInt(args[2]));
  }

  private static Method entryMethod(Class<?> type, String name) {
    List<Method> found =
        Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).toList();
    if (found.size() != 1) {
      throw new IllegalArgumentException(
          type.getName() + " has " + found.size() + " public methods named " + name + ", not 1");
    }
    return found.get(0);
  }

  private void serve(int port) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.setExecutor(Executors.newCachedThreadPool());
    if ("httpTrigger".equals(function.triggerType())) {
      server.createContext("/api/", this::http);
    } else {
      server.createContext("/admin/functions/" + function.name(), this::admin);
    }
    server.start();
    System.out.println("Worker ready: function '" + function.name() + "' on port " + port);
  }

  private void http(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      var params = function.match(uri.getRawPath().substring("/api/".length()));
      if (params.isEmpty()) {
        send(exchange, 404, Map.of(), new byte[0], -1);
        return;
      }
      if (!function.methods().isEmpty() && !function.methods().contains(method)) {
        send(exchange, 405, Map.of(), new byte[0], -1);
        return;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((n, v) -> headers.put(n.toLowerCase(Locale.ROOT), v.get(0)));
      URI full = URI.create("http://127.0.0.1:" + exchange.getLocalAddress().getPort() + uri);
      Object request =
          api.request(
              full,
              method,
              headers,
              query(uri.getRawQuery()),
              exchange.getRequestBody().readAllBytes());
      Map<String, Object> bound = new LinkedHashMap<>(params.get());
      bound.put(function.triggerName(), request);
      long start = System.nanoTime();
      Object result =
          execute(bound, "This function was programmatically called via the host APIs.");
      double ms = (System.nanoTime() - start) / 1e6;
      if (result instanceof Failure) {
        send(exchange, 500, Map.of(), new byte[0], ms);
        return;
      }
      var answer = api.answer(result);
      if (answer.isEmpty()) {
        send(exchange, result == null ? 204 : 200, Map.of(), body(result), ms);
      } else {
        send(
            exchange, answer.get().status(), answer.get().headers(), body(answer.get().body()), ms);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      e.printStackTrace();
      send(exchange, 500, Map.of(), new byte[0], -1);
    }
  }

  private void admin(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonObject body =
          JsonParser.parseString(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
              .getAsJsonObject();
      String input = body.has("input") ? body.get("input").getAsString() : "";
      Map<String, Object> bound = TriggerData.of(function, input);
      long start = System.nanoTime();
      Object result = execute(bound, "New " + function.setting("type") + " input");
      double ms = (System.nanoTime() - start) / 1e6;
      send(exchange, result instanceof Failure ? 500 : 202, Map.of(), new byte[0], ms);
    }
  }

  /** An execution that failed (the exception went to the log). */
  private record Failure(Throwable cause) {}

  private Object execute(Map<String, Object> bound, String reason) {
    String id = UUID.randomUUID().toString();
    System.out.println(
        "Executing 'Functions." + function.name() + "' (Reason='" + reason + "', Id=" + id + ")");
    long start = System.nanoTime();
    Object result;
    String status = "Succeeded";
    try {
      Object[] args = arguments(id, bound);
      Object target =
          Modifier.isStatic(entryMethod.getModifiers())
              ? null
              : entryClass.getDeclaredConstructor().newInstance();
      result = entryMethod.invoke(target, args);
    } catch (InvocationTargetException e) {
      e.getCause().printStackTrace();
      result = new Failure(e.getCause());
      status = "Failed";
    } catch (ReflectiveOperationException | RuntimeException e) {
      e.printStackTrace();
      result = new Failure(e);
      status = "Failed";
    }
    System.out.printf(
        Locale.ROOT,
        "Executed 'Functions.%s' (%s, Id=%s, Duration=%dms)%n",
        function.name(),
        status,
        id,
        (System.nanoTime() - start) / 1_000_000);
    return result;
  }

  private Object[] arguments(String invocationId, Map<String, Object> bound) {
    var parameters = entryMethod.getParameters();
    Object[] args = new Object[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      Class<?> type = parameters[i].getType();
      if (api.isContext(type)) {
        args[i] = api.context(function.name(), invocationId, logger);
        continue;
      }
      String name = BindingNames.of(parameters[i]);
      Object value = name == null ? null : bound.get(name);
      args[i] = convert(value, type);
    }
    return args;
  }

  private Object convert(Object value, Class<?> type) {
    if (value == null || type.isInstance(value)) {
      return value;
    }
    if (value instanceof byte[] bytes && type == String.class) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof String text && type == byte[].class) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    return gson.fromJson(
        value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : value.toString(), type);
  }

  private byte[] body(Object body) {
    if (body == null) {
      return new byte[0];
    }
    if (body instanceof byte[] bytes) {
      return bytes;
    }
    if (body instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    return gson.toJson(body).getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (!pair.isEmpty()) {
          query.put(
              URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
              eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return query;
  }

  private static void send(
      HttpExchange exchange, int status, Map<String, String> headers, byte[] body, double ms)
      throws IOException {
    headers.forEach((n, v) -> exchange.getResponseHeaders().add(n, v));
    if (ms >= 0) {
      exchange
          .getResponseHeaders()
          .add(HttpInstance.DURATION_HEADER, String.format(Locale.ROOT, "%.3f", ms));
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The parent of the app's class loader: the Azure library from the host, else the JDK only. */
  private static final class LibraryOnly extends ClassLoader {
    private final ClassLoader host;

    LibraryOnly(ClassLoader host) {
      super("azure-library", ClassLoader.getPlatformClassLoader());
      this.host = host;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith(AzureApi.PACKAGE)) {
        return host.loadClass(name);
      }
      return super.loadClass(name, resolve);
    }
  }
}
