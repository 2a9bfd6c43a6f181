package io.skyhop.tooling.lab.azure;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The Azure Functions Java library types the host hands to functions ({@code HttpRequestMessage},
 * {@code HttpResponseMessage} and its builder, {@code ExecutionContext}), implemented as proxies of
 * the library's interfaces as loaded from the host's class path. Like the real worker, the host
 * owns the library; the app's class loader sees it but not the host's other classes.
 */
final class AzureApi {
  static final String PACKAGE = "com.microsoft.azure.functions.";

  private final ClassLoader library;
  private final Class<?> requestType;
  private final Class<?> responseType;
  private final Class<?> builderType;
  private final Class<?> contextType;
  private final Class<?> statusType;
  private final Class<?> methodType;

  AzureApi(ClassLoader library) throws ClassNotFoundException {
    this.library = library;
    this.requestType = type("HttpRequestMessage");
    this.responseType = type("HttpResponseMessage");
    this.builderType = type("HttpResponseMessage$Builder");
    this.contextType = type("ExecutionContext");
    this.statusType = type("HttpStatusType");
    this.methodType = type("HttpMethod");
  }

  private Class<?> type(String simpleName) throws ClassNotFoundException {
    return Class.forName(PACKAGE + simpleName, false, library);
  }

  /** Whether a parameter takes the execution context. */
  boolean isContext(Class<?> parameterType) {
    return parameterType == contextType;
  }

  /** Whether a parameter takes an HTTP request. */
  boolean isRequest(Class<?> parameterType) {
    return parameterType == requestType;
  }

  /** An {@code ExecutionContext}. */
  Object context(String functionName, String invocationId, Logger logger) {
    return proxy(
        contextType,
        (self, method, args) ->
            switch (method.getName()) {
              case "getLogger" -> logger;
              case "getInvocationId" -> invocationId;
              case "getFunctionName" -> functionName;
              case "getTraceContext", "getRetryContext" -> null;
              default -> basics(self, method, args, "ExecutionContext(" + functionName + ")");
            });
  }

  /** The answer a function built with the request's response builder. */
  record Answer(int status, Map<String, String> headers, Object body) {}

  /** An {@code HttpRequestMessage<Optional<byte[]>>}. */
  Object request(
      URI uri, String method, Map<String, String> headers, Map<String, String> query, byte[] body)
      throws ReflectiveOperationException {
    Object httpMethod = methodType.getMethod("value", String.class).invoke(null, method);
    Optional<byte[]> payload = body.length == 0 ? Optional.empty() : Optional.of(body);
    return proxy(
        requestType,
        (self, m, args) ->
            switch (m.getName()) {
              case "getUri" -> uri;
              case "getHttpMethod" -> httpMethod;
              case "getHeaders" -> headers;
              case "getQueryParameters" -> query;
              case "getBody" -> payload;
              case "createResponseBuilder" -> builder(statusOf(args[0]));
              default -> basics(self, m, args, "HttpRequestMessage(" + method + " " + uri + ")");
            });
  }

  /** The answer carried by an {@code HttpResponseMessage} this API built. */
  Optional<Answer> answer(Object response) {
    if (response != null
        && Proxy.isProxyClass(response.getClass())
        && Proxy.getInvocationHandler(response) instanceof ResponseHandler handler) {
      return Optional.of(handler.answer);
    }
    return Optional.empty();
  }

  private Object builder(int initialStatus) {
    Map<String, String> headers = new LinkedHashMap<>();
    Object[] state = {initialStatus, null};
    return proxy(
        builderType,
        (self, m, args) ->
            switch (m.getName()) {
              case "status" -> {
                state[0] = statusOf(args[0]);
                yield self;
              }
              case "header" -> {
                headers.put((String) args[0], (String) args[1]);
                yield self;
              }
              case "body" -> {
                state[1] = args[0];
                yield self;
              }
              case "build" ->
                  Proxy.newProxyInstance(
                      library,
                      new Class<?>[] {responseType},
                      new ResponseHandler(
                          new Answer((Integer) state[0], Map.copyOf(headers), state[1])));
              default -> basics(self, m, args, "HttpResponseMessage.Builder");
            });
  }

  private int statusOf(Object status) throws ReflectiveOperationException {
    return (Integer) statusType.getMethod("value").invoke(status);
  }

  private Object proxy(Class<?> type, InvocationHandler handler) {
    return Proxy.newProxyInstance(library, new Class<?>[] {type}, handler);
  }

  private static Object basics(Object self, Method method, Object[] args, String description)
      throws Throwable {
    return switch (method.getName()) {
      case "toString" -> description;
      case "hashCode" -> System.identityHashCode(self);
      case "equals" -> self == args[0];
      default -> {
        if (method.isDefault()) {
          yield InvocationHandler.invokeDefault(self, method, args);
        }
        throw new UnsupportedOperationException(method.getName() + " is not offered by the lab");
      }
    };
  }

  /** The handler of built responses: getters over the answer. */
  private final class ResponseHandler implements InvocationHandler {
    final Answer answer;

    ResponseHandler(Answer answer) {
      this.answer = answer;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      return switch (method.getName()) {
        case "getStatus" -> statusType.getMethod("custom", int.class).invoke(null, answer.status());
        case "getHeader" -> answer.headers().get((String) args[0]);
        case "getBody" -> answer.body();
        default -> basics(self, method, args, "HttpResponseMessage(" + answer.status() + ")");
      };
    }
  }
}
