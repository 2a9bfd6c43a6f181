package io.skyhop.core;

import io.skyhop.api.Context;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.ScheduledEvent;
import io.skyhop.api.StorageEvent;
import io.skyhop.core.trace.Span;
import io.skyhop.core.trace.SpanKind;
import io.skyhop.core.trace.Tracer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A function ready to call: its class loaded, its method resolved, its payload type known. Adapters
 * call one of the {@code invoke…} methods with a neutral payload.
 */
public final class BoundFunction {
  private final FunctionDef def;
  private final Class<?> type;
  private final Method method;
  private final Type payloadType;
  private final Instances instances;
  private final Json json;

  /** The W3C header and message attribute carrying the trace context on every target. */
  private static final String TRACEPARENT = "traceparent";

  private final HttpResponses responses;
  private final Tracer tracer;

  BoundFunction(
      FunctionDef def, ClassLoader loader, Instances instances, Json json, Tracer tracer) {
    this.def = def;
    this.tracer = tracer;
    this.instances = instances;
    this.json = json;
    this.responses = new HttpResponses(json);
    try {
      this.type = Class.forName(def.className(), false, loader);
      Class<?>[] params = new Class<?>[def.parameterTypes().size()];
      for (int i = 0; i < params.length; i++) {
        params[i] = load(def.parameterTypes().get(i), loader);
      }
      Method method = type.getMethod(def.method(), params);
      this.payloadType =
          def.payloadIndex() < 0 ? null : method.getGenericParameterTypes()[def.payloadIndex()];
      // Plain reflection: on the cold-start path it binds in well under a millisecond, where a
      // spreading MethodHandle costs several; per call the two are within noise of each other.
      this.method = method;
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IndexException(
          "Cannot load function '"
              + def.name()
              + "' ("
              + def.className()
              + "."
              + def.method()
              + "): "
              + e
              + ". The package does not match its index: rebuild and repackage the project.",
          e);
    }
  }

  private static Class<?> load(String name, ClassLoader loader) throws ClassNotFoundException {
    return switch (name) {
      case "boolean" -> boolean.class;
      case "byte" -> byte.class;
      case "char" -> char.class;
      case "short" -> short.class;
      case "int" -> int.class;
      case "long" -> long.class;
      case "float" -> float.class;
      case "double" -> double.class;
      default -> Class.forName(name, false, loader);
    };
  }

  /** The function's index entry. */
  public FunctionDef def() {
    return def;
  }

  /** The function name. */
  public String name() {
    return def.name();
  }

  /**
   * Serves an HTTP request. Never throws for a fault in the function: an exception becomes a 500
   * whose body holds no stack trace (the trace goes to the context's logger); an {@code
   * HttpStatusException} becomes its status; a body that does not fit the payload type, a 400. Path
   * parameters are taken from the trigger's template when the request carries none.
   *
   * @return the response, its body as bytes
   */
  public io.skyhop.api.HttpResponse invokeHttp(HttpRequest request, Context context) {
    String incoming = request.header(TRACEPARENT).orElse(null);
    Span span =
        tracer == null && incoming == null
            ? null
            : Tracer.start(tracer, incoming, SpanKind.SERVER, context);
    if (span == null) {
      return serveHttp(request, context);
    }
    io.skyhop.api.HttpResponse response = serveHttp(request, span.context());
    span.attribute("faas.trigger", "http")
        .attribute("http.request.method", request.method().name())
        .attribute("url.path", request.path())
        .attribute("http.response.status_code", (long) response.status())
        .end(response.status() >= 500 ? "HTTP " + response.status() : null);
    return response;
  }

  private io.skyhop.api.HttpResponse serveHttp(HttpRequest request, Context context) {
    // Only a function that takes the HttpRequest itself sees its path parameters and decoder; for
    // the others the request is not rebuilt (this runs on every call).
    HttpRequest bound =
        def.payloadKind() == FunctionDef.PayloadKind.HTTP_REQUEST
            ? withPathParams(request)
            : request;
    Object payload;
    try {
      payload = httpPayload(bound);
    } catch (IllegalArgumentException badBody) {
      return responses.error(400, badBody.getMessage(), context);
    }
    Object result;
    try {
      result = call(payload, context);
    } catch (FunctionFailedException e) {
      return responses.failure(def.name(), e.getCause(), context);
    }
    try {
      return responses.encode(result, def.returnKind());
    } catch (RuntimeException unwritable) {
      // e.g. a POJO holding a type Gson cannot write: still a 500 without the trace in the body
      return responses.failure(def.name(), unwritable, context);
    }
  }

  private HttpRequest withPathParams(HttpRequest request) {
    if (!request.pathParams().isEmpty()
        || !(def.trigger() instanceof Trigger.Http http)
        || http.path().parameters().isEmpty()) {
      return request.toBuilder().bodyDecoder(json).build();
    }
    Map<String, String> params = http.path().match(request.path()).orElse(Map.of());
    return request.toBuilder().pathParams(params).bodyDecoder(json).build();
  }

  private Object httpPayload(HttpRequest request) {
    if (def.payloadKind() == null) {
      return null;
    }
    return switch (def.payloadKind()) {
      case HTTP_REQUEST -> request;
      case STRING -> request.bodyAsString();
      case BYTES -> request.body();
      case JSON -> jsonBody(request.body());
      default -> throw new IllegalStateException("Not an HTTP payload: " + def.payloadKind());
    };
  }

  private Object jsonBody(byte[] body) {
    if (body.length == 0) {
      throw new IllegalArgumentException(
          "The request has no body; expected JSON for " + payloadType.getTypeName());
    }
    return json.read(body, payloadType);
  }

  /**
   * Delivers one queue message, converting its body to the payload type.
   *
   * @throws FunctionFailedException if the function threw or the body does not fit the type
   */
  public Object invokeQueue(QueueMessage message, Context context) throws FunctionFailedException {
    Object payload =
        def.payloadKind() == FunctionDef.PayloadKind.QUEUE_MESSAGE_LIST
            ? List.of(message)
            : queuePayload(message);
    String incoming = message.attributes().get(TRACEPARENT);
    if (tracer == null && incoming == null) {
      return call(payload, context);
    }
    Span span = Tracer.start(tracer, incoming, SpanKind.CONSUMER, context);
    if (span == null) {
      return call(payload, context);
    }
    span.attribute("faas.trigger", "pubsub").attribute("messaging.message.id", message.id());
    return traced(span, payload);
  }

  /** Calls the function in its span, which ends with the outcome. */
  private Object traced(Span span, Object payload) throws FunctionFailedException {
    try {
      Object result = call(payload, span.context());
      span.end(null);
      return result;
    } catch (FunctionFailedException e) {
      span.end(String.valueOf(e.getCause()));
      throw e;
    } catch (RuntimeException e) {
      span.end(e.toString());
      throw e;
    }
  }

  /**
   * Delivers a batch of queue messages.
   *
   * @return the ids of the messages that failed (all of them when a whole-batch function throws)
   */
  public List<String> invokeQueueBatch(List<QueueMessage> batch, Context context) {
    List<String> failed = new ArrayList<>();
    if (def.payloadKind() == FunctionDef.PayloadKind.QUEUE_MESSAGE_LIST) {
      try {
        // One call, one span: it continues the first message's trace.
        String incoming = batch.isEmpty() ? null : batch.get(0).attributes().get(TRACEPARENT);
        Span span =
            tracer == null && incoming == null
                ? null
                : Tracer.start(tracer, incoming, SpanKind.CONSUMER, context);
        if (span == null) {
          call(List.copyOf(batch), context);
        } else {
          traced(span.attribute("faas.trigger", "pubsub"), List.copyOf(batch));
        }
      } catch (FunctionFailedException e) {
        context.logger().error(e.getMessage(), e.getCause());
        for (QueueMessage m : batch) {
          failed.add(m.id());
        }
      }
      return failed;
    }
    for (QueueMessage message : batch) {
      try {
        invokeQueue(message, context);
      } catch (FunctionFailedException e) {
        context.logger().error(e.getMessage() + " (message " + message.id() + ")", e.getCause());
        failed.add(message.id());
      }
    }
    return failed;
  }

  private Object queuePayload(QueueMessage message) throws FunctionFailedException {
    if (def.payloadKind() == null) {
      return null;
    }
    try {
      return switch (def.payloadKind()) {
        case QUEUE_MESSAGE -> message;
        case STRING -> message.bodyAsString();
        case BYTES -> message.body();
        case JSON -> json.read(message.body(), payloadType);
        default -> throw new IllegalStateException("Not a queue payload: " + def.payloadKind());
      };
    } catch (IllegalArgumentException badBody) {
      throw new FunctionFailedException(def.name(), badBody);
    }
  }

  /**
   * Delivers a schedule or storage event.
   *
   * @throws FunctionFailedException if the function threw
   */
  public Object invokeEvent(Object event, Context context) throws FunctionFailedException {
    boolean fits =
        (event instanceof ScheduledEvent && def.trigger() instanceof Trigger.Schedule)
            || (event instanceof StorageEvent && def.trigger() instanceof Trigger.Storage);
    if (!fits) {
      throw new IllegalArgumentException(
          "Function '"
              + def.name()
              + "' has "
              + (def.trigger() instanceof Trigger.Http ? "an HTTP" : "a " + def.trigger().type())
              + " trigger and cannot take "
              + event
              + "; schedule functions take a ScheduledEvent, storage functions a StorageEvent.");
    }
    Object payload = def.payloadKind() == null ? null : event;
    if (tracer == null) {
      return call(payload, context);
    }
    Span span = Tracer.start(tracer, null, SpanKind.INTERNAL, context);
    span.attribute(
        "faas.trigger", def.trigger() instanceof Trigger.Schedule ? "timer" : "datasource");
    return traced(span, payload);
  }

  /**
   * A direct invocation with a plain JSON payload (AWS direct invoke, {@code skyhop:invoke}): the
   * payload binds as the function's payload kind and the result is written as JSON.
   *
   * @throws FunctionFailedException if the function threw or the payload does not fit
   */
  public byte[] invokeDirect(byte[] payload, Context context) throws FunctionFailedException {
    Object result;
    if (def.trigger() instanceof Trigger.Http http) {
      io.skyhop.api.HttpRequest request =
          io.skyhop.api.HttpRequest.builder(http.methods().get(0), http.path().template())
              .header("Content-Type", "application/json")
              .body(payload)
              .build();
      io.skyhop.api.HttpResponse response = invokeHttp(request, context);
      if (response.status() >= 500) {
        throw new FunctionFailedException(
            def.name(), new IllegalStateException("HTTP " + response.status()));
      }
      byte[] body = (byte[]) response.body();
      return body == null ? new byte[0] : body;
    } else if (def.trigger() instanceof Trigger.Queue) {
      result = invokeQueue(new QueueMessage(context.requestId(), payload, Map.of(), 1), context);
    } else if (def.trigger() instanceof Trigger.Schedule schedule) {
      result =
          invokeEvent(
              new ScheduledEvent(Instant.now(), schedule.cron(), schedule.timezone()), context);
    } else {
      try {
        result = invokeEvent(json.read(payload, StorageEvent.class), context);
      } catch (IllegalArgumentException badPayload) {
        throw new FunctionFailedException(def.name(), badPayload);
      }
    }
    return switch (def.returnKind()) {
      case VOID -> new byte[0];
      case BYTES -> result == null ? new byte[0] : (byte[]) result;
      case STRING -> result == null ? "null".getBytes(StandardCharsets.UTF_8) : json.write(result);
      default -> json.write(result);
    };
  }

  private Object call(Object payload, Context context) throws FunctionFailedException {
    Object[] args = new Object[def.parameterTypes().size()];
    if (def.payloadIndex() >= 0) {
      args[def.payloadIndex()] = payload;
    }
    if (def.contextIndex() >= 0) {
      args[def.contextIndex()] = context;
    }
    Object instance = instances.get(type, def.name());
    try {
      return method.invoke(instance, args);
    } catch (InvocationTargetException userFault) {
      throw new FunctionFailedException(def.name(), userFault.getCause());
    } catch (IllegalAccessException e) {
      throw new IndexException(
          "Cannot call " + def.className() + "." + def.method() + ": " + e.getMessage(), e);
    }
  }
}
