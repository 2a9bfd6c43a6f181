package io.skyhop.test;

import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.StorageEvent;
import io.skyhop.aws.SkyhopHandler;
import io.skyhop.core.Adapters;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionRuntime;
import io.skyhop.core.Trigger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS Lambda: every call is an event JSON handed to the adapter's {@link SkyhopHandler} as the
 * runtime interface client hands it (bytes in, bytes out), one handler per function, created once
 * as Lambda creates it per execution environment.
 */
final class AwsView extends TargetView {
  private final AwsHttpEvent httpEvent;
  private final ClassLoader loader;
  private final Map<String, SkyhopHandler> handlers = new ConcurrentHashMap<>();

  AwsView(
      AwsHttpEvent httpEvent,
      FunctionRuntime runtime,
      ClassLoader loader,
      Map<String, String> env) {
    super("aws", runtime, env);
    this.httpEvent = httpEvent;
    this.loader = loader;
  }

  @Override
  HttpResponse serve(String function, HttpRequest request) {
    String event =
        switch (httpEvent) {
          case API_GATEWAY_V2 -> AwsEvents.apiGatewayV2(request);
          case API_GATEWAY_V1 -> AwsEvents.apiGatewayV1(request);
          case FUNCTION_URL -> AwsEvents.functionUrl(request);
          case ALB -> AwsEvents.alb(request);
        };
    return AwsAnswers.http(invoke(function, event));
  }

  /** API Gateway and the ALB answer 404 when no route or rule leads to a function. */
  @Override
  HttpResponse notRouted(HttpRequest request, FunctionRuntime.Route route) {
    return HttpResponse.status(404)
        .header("Content-Type", "application/json")
        .body("{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8))
        .build();
  }

  /** EventBridge invokes asynchronously: Lambda retries a failed event twice. */
  @Override
  Delivery runSchedule(Trigger.Schedule schedule, String function, Instant due) {
    return asynchronous(function, AwsEvents.eventBridgeSchedule(due));
  }

  @Override
  Delivery deliver(String function, QueueMessage message) {
    String answer = invoke(function, AwsEvents.sqs(List.of(message)));
    return AwsAnswers.batchItemFailures(answer).isEmpty()
        ? Delivery.succeeded(answer)
        : new Delivery(Delivery.Outcome.RETRIED, answer, Optional.empty());
  }

  /** One SQS event for the whole batch; the failed ids come from {@code batchItemFailures}. */
  @Override
  public List<String> queueBatch(String function, List<QueueMessage> batch) {
    trigger(function, Trigger.Queue.class, "queueBatch(...)");
    return AwsAnswers.batchItemFailures(invoke(function, AwsEvents.sqs(batch)));
  }

  /** S3 invokes asynchronously: Lambda retries a failed event twice. */
  @Override
  Delivery notify(String function, StorageEvent event) {
    return asynchronous(function, AwsEvents.s3(event));
  }

  /**
   * Any event JSON, as Lambda would pass it: an API Gateway, Function URL, ALB, SQS, S3 or
   * EventBridge event, or a direct invocation's payload.
   *
   * @return the handler's output (for HTTP events the response object, for SQS the {@code
   *     batchItemFailures})
   */
  @Override
  public String event(String function, String json) {
    return invoke(function, json);
  }

  private Delivery asynchronous(String function, String event) {
    try {
      return Delivery.succeeded(invoke(function, event));
    } catch (RuntimeException | Error failed) {
      return new Delivery(Delivery.Outcome.RETRIED, failed.toString(), Optional.of(failed));
    }
  }

  /** Runs the handler; what it throws is what the runtime would report as the invocation error. */
  private String invoke(String function, String event) {
    SkyhopHandler handler = handlers.computeIfAbsent(function, this::handler);
    FunctionDef def = def(function);
    LambdaContext context =
        new LambdaContext(
            nextRequestId(), function, def.memoryMb(), def.timeoutSeconds() * 1000, this::log);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The handler as Lambda starts it; the test's secrets come from the Parameters and Secrets
   * extension's endpoint while it starts, never from its environment.
   */
  private SkyhopHandler handler(String function) {
    Map<String, String> env = new java.util.LinkedHashMap<>(env(function));
    env.put(Adapters.FUNCTION_ENV, function);
    List<String> declared = def(function).secrets();
    TestSecrets secrets = TestSecrets.take(declared, env);
    if (declared.isEmpty()) {
      return new SkyhopHandler(env, loader);
    }
    String prefix = env.getOrDefault("SKYHOP_SECRETS_PREFIX", "");
    Map<String, String> byId = new java.util.LinkedHashMap<>();
    secrets.values().forEach((name, value) -> byId.put(prefix + name, value));
    try (SecretsExtensionStub extension = new SecretsExtensionStub(byId)) {
      env.put("SKYHOP_SECRETS_VIA", "extension");
      env.put("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", Integer.toString(extension.port()));
      env.put("AWS_SESSION_TOKEN", SecretsExtensionStub.TOKEN);
      return new SkyhopHandler(env, loader);
    }
  }
}
