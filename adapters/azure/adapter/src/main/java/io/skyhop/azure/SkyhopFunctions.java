package io.skyhop.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.BlobTrigger;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import java.util.Map;
import java.util.Optional;

/**
 * The Azure Functions entry points of every Skyhop function: one method per trigger kind, named by
 * the {@code entryPoint} of each generated {@code function.json}. The Azure Java worker binds each
 * parameter by its annotation's {@code name()} ({@code req}, {@code timer}, {@code message}, {@code
 * content}) to the binding of that name in {@code function.json}, injects the {@link
 * ExecutionContext}, and sends the result to the {@code $return} binding. The function to run is
 * the Azure function name ({@link ExecutionContext#getFunctionName()}), which is the Skyhop
 * function name: the deployment chooses it, never the request.
 *
 * <p>The trigger settings in the annotations below are placeholders the annotations require: the
 * host reads routes, methods, schedules, queue names and paths from {@code function.json} only.
 *
 * <p>The worker creates an instance of this class per invocation; the functions, loaded once per
 * worker process from the package's index, are shared by all instances.
 */
public class SkyhopFunctions {
  private final AzureAdapter adapter;

  /** The instance the Azure Java worker creates: serves the functions of its own class loader. */
  public SkyhopFunctions() {
    this(Shared.adapter());
  }

  /**
   * Serves the functions indexed in {@code loader} with {@code env} as the process environment: for
   * in-process invocation (the test kit). The worker uses the no-argument constructor.
   */
  public SkyhopFunctions(ClassLoader loader, Map<String, String> env) {
    this(AzureAdapter.load(loader, env));
  }

  SkyhopFunctions(AzureAdapter adapter) {
    this.adapter = adapter;
  }

  /**
   * An {@code httpTrigger} function. Never throws for a fault in the function: it answers 500
   * without the stack trace in the body (the trace goes to the function's log).
   */
  public HttpResponseMessage http(
      @HttpTrigger(name = "req", dataType = "binary", authLevel = AuthorizationLevel.ANONYMOUS)
          HttpRequestMessage<Optional<byte[]>> request,
      ExecutionContext context) {
    return adapter.http(request, context);
  }

  /**
   * A {@code timerTrigger} function.
   *
   * @param timerInfo the host's timer information as JSON ({@code ScheduleStatus}, {@code
   *     IsPastDue})
   * @throws AzureFunctionException if the function threw (timer runs are not retried)
   */
  public void timer(
      @TimerTrigger(name = "timer", schedule = "(set in function.json)") String timerInfo,
      ExecutionContext context) {
    adapter.timer(timerInfo, context);
  }

  /**
   * A Storage {@code queueTrigger} function.
   *
   * @param message the message body's bytes
   * @param id the message id
   * @param dequeueCount how many times the message has been dequeued, 1 on the first delivery
   * @throws AzureFunctionException if the function threw: the host makes the message visible again
   *     and retries it (up to {@code maxDequeueCount}, then the poison queue)
   */
  public void queue(
      @QueueTrigger(name = "message", dataType = "binary", queueName = "(set in function.json)")
          byte[] message,
      @BindingName("Id") String id,
      @BindingName("DequeueCount") String dequeueCount,
      ExecutionContext context) {
    adapter.queue(message, id, dequeueCount, context);
  }

  /**
   * A {@code blobTrigger} function: a blob was created or overwritten.
   *
   * @param content the blob's bytes (the host reads them for the trigger; Skyhop passes the
   *     function a {@code StorageEvent}, not the content)
   * @param name the blob name below the container, from the {@code {name}} of the trigger path
   * @param blobTrigger the blob's path, {@code container/name}
   * @param properties the blob's properties as JSON ({@code Length}, {@code ETag}…)
   * @throws AzureFunctionException if the function threw: the host retries the blob
   */
  public void blob(
      @BlobTrigger(name = "content", dataType = "binary", path = "(set in function.json)")
          byte[] content,
      @BindingName("name") String name,
      @BindingName("BlobTrigger") String blobTrigger,
      @BindingName("Properties") String properties,
      ExecutionContext context) {
    adapter.blob(content, name, blobTrigger, properties, context);
  }

  /** The adapter of this worker process, created on first use from this class's loader. */
  private static final class Shared {
    private static final Loaded LOADED = load();

    private record Loaded(AzureAdapter adapter, RuntimeException failure) {}

    private static Loaded load() {
      try {
        return new Loaded(
            AzureAdapter.load(SkyhopFunctions.class.getClassLoader(), System.getenv()), null);
      } catch (RuntimeException e) {
        return new Loaded(null, e);
      }
    }

    static AzureAdapter adapter() {
      if (LOADED.failure() != null) {
        throw new IllegalStateException(
            "The Skyhop functions of this app could not be loaded: "
                + LOADED.failure().getMessage(),
            LOADED.failure());
      }
      return LOADED.adapter();
    }
  }
}
