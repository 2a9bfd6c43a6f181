package io.skyhop.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.ScheduledEvent;
import io.skyhop.api.StorageEvent;
import io.skyhop.core.BoundFunction;
import io.skyhop.core.EnvSecrets;
import io.skyhop.core.FunctionFailedException;
import io.skyhop.core.FunctionRuntime;
import io.skyhop.core.InvocationContext;
import io.skyhop.core.Secrets;
import io.skyhop.core.Trigger;
import io.skyhop.core.UnknownFunctionException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps Azure invocations to the neutral functions: finds the function by the Azure function name,
 * converts the library's inputs to neutral payloads, and the results back.
 */
final class AzureAdapter {
  static final String TARGET = "azure";

  private final FunctionRuntime runtime;
  private final Map<String, String> processEnv;
  private final Clock clock;

  AzureAdapter(FunctionRuntime runtime, Map<String, String> processEnv, Clock clock) {
    this.runtime = runtime;
    this.processEnv = Map.copyOf(processEnv);
    this.clock = clock;
  }

  /** The adapter for the functions indexed in {@code loader}, on the system clock. */
  static AzureAdapter load(ClassLoader loader, Map<String, String> processEnv) {
    FunctionRuntime runtime = FunctionRuntime.load(loader);
    // one worker process serves every function of the app: prime them all before the first answer
    for (io.skyhop.core.FunctionDef f : runtime.index().functions()) {
      try {
        runtime.prime(f.name());
      } catch (FunctionFailedException e) {
        throw new AzureFunctionException(
            "Priming function '"
                + f.name()
                + "' failed, so this instance serves nothing: "
                + e.getCause()
                + ". Fix: make its class's constructor and @Prime method succeed.",
            e.getCause());
      }
    }
    return new AzureAdapter(runtime, processEnv, Clock.systemUTC());
  }

  HttpResponseMessage http(
      HttpRequestMessage<Optional<byte[]>> request, ExecutionContext azureContext) {
    BoundFunction function = function(azureContext, Trigger.Http.class);
    InvocationContext context = context(function, azureContext);
    HttpRequest neutral = AzureHttp.toNeutral(request, (Trigger.Http) function.def().trigger());
    HttpResponse response = function.invokeHttp(neutral, context);
    return AzureHttp.toAzure(response, request, context.logger());
  }

  void timer(String timerInfo, ExecutionContext azureContext) {
    BoundFunction function = function(azureContext, Trigger.Schedule.class);
    Trigger.Schedule schedule = (Trigger.Schedule) function.def().trigger();
    Instant due = AzureEvents.scheduledTime(timerInfo, Instant.ofEpochMilli(clock.millis()));
    ScheduledEvent event = new ScheduledEvent(due, schedule.cron(), schedule.timezone());
    InvocationContext context = context(function, azureContext);
    try {
      function.invokeEvent(event, context);
    } catch (FunctionFailedException e) {
      throw failed(e);
    }
  }

  void queue(byte[] body, String id, String dequeueCount, ExecutionContext azureContext) {
    BoundFunction function = function(azureContext, Trigger.Queue.class);
    InvocationContext context = context(function, azureContext);
    QueueMessage message =
        new QueueMessage(
            id == null ? context.requestId() : id,
            body == null ? new byte[0] : body,
            hostTrace(azureContext),
            AzureEvents.deliveryCount(dequeueCount));
    try {
      function.invokeQueue(message, context);
    } catch (FunctionFailedException e) {
      throw failed(e);
    }
  }

  void blob(
      byte[] content,
      String name,
      String blobTrigger,
      String properties,
      ExecutionContext azureContext) {
    BoundFunction function = function(azureContext, Trigger.Storage.class);
    Trigger.Storage storage = (Trigger.Storage) function.def().trigger();
    StorageEvent event =
        AzureEvents.storageEvent(storage.bucket(), name, blobTrigger, properties, content);
    InvocationContext context = context(function, azureContext);
    try {
      function.invokeEvent(event, context);
    } catch (FunctionFailedException e) {
      throw failed(e);
    }
  }

  /**
   * A Storage queue message has no attributes: its trace carrier on Azure is the Functions host's
   * W3C trace context, which Application Insights correlates, offered as the {@code traceparent}
   * attribute so the invocation's span continues the host's trace.
   */
  private static Map<String, String> hostTrace(ExecutionContext azureContext) {
    com.microsoft.azure.functions.TraceContext trace = azureContext.getTraceContext();
    String traceparent = trace == null ? null : trace.getTraceparent();
    return traceparent == null || traceparent.isEmpty()
        ? Map.of()
        : Map.of("traceparent", traceparent);
  }

  private BoundFunction function(ExecutionContext azureContext, Class<?> triggerType) {
    String name = azureContext.getFunctionName();
    BoundFunction function;
    try {
      function = runtime.function(name);
    } catch (UnknownFunctionException e) {
      throw new IllegalStateException(
          "Azure function '"
              + name
              + "' is not a Skyhop function of this package; it holds "
              + runtime.index().functions().stream().map(f -> f.name()).toList()
              + ". Fix: deploy the app folder written by skyhop:package unchanged (each function"
              + " folder is named after its Skyhop function).",
          e);
    }
    if (!triggerType.isInstance(function.def().trigger())) {
      throw new IllegalStateException(
          "Azure function '"
              + name
              + "' is bound to the wrong entry point: its Skyhop trigger is '"
              + function.def().trigger().type()
              + "'. Fix: deploy the function.json files written by skyhop:package unchanged.");
    }
    return function;
  }

  private InvocationContext context(BoundFunction function, ExecutionContext azureContext) {
    // the annotation's values are defaults; app settings (a stage's values) win
    Map<String, String> env = new HashMap<>(function.def().env());
    env.putAll(processEnv);
    long now = clock.millis();
    return new InvocationContext(
        azureContext.getInvocationId(),
        function.name(),
        TARGET,
        now + function.def().timeoutSeconds() * 1000L,
        new JulLogger(azureContext.getLogger()),
        Map.copyOf(env),
        clock,
        new Secrets(
            function.name(),
            function.def().secrets(),
            new EnvSecrets(processEnv, TARGET, "Azure Key Vault")));
  }

  /** The host records the failure with the user's exception as the cause, and retries. */
  private static AzureFunctionException failed(FunctionFailedException e) {
    return new AzureFunctionException(e.getMessage(), e.getCause());
  }
}
