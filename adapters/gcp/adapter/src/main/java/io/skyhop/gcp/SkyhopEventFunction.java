package io.skyhop.gcp;

import com.google.cloud.functions.CloudEventsFunction;
import io.cloudevents.CloudEvent;
import io.skyhop.api.StorageEvent;
import io.skyhop.core.FunctionFailedException;
import io.skyhop.core.InvocationContext;
import io.skyhop.core.Trigger;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * The Cloud Functions entry point ({@code entryPoint}, signature type {@code cloudevent}) of Skyhop
 * functions triggered by a Pub/Sub topic (queue) or a Cloud Storage bucket (storage).
 *
 * <p>The function served is the one named by the environment variable {@code SKYHOP_FUNCTION}, read
 * once when the invoker creates this class. A function that throws makes {@link
 * #accept(CloudEvent)} throw, so the invoker answers 500 and Eventarc / Pub/Sub redeliver the event
 * (when the trigger's retry policy says so). Storage events of a type the function did not declare
 * are acknowledged without calling it, with a warning in the log.
 */
public final class SkyhopEventFunction implements CloudEventsFunction {
  private final Deployment deployment;

  /**
   * Reads {@code SKYHOP_FUNCTION} and loads the function from this package's index.
   *
   * @throws GcpSetupException when the variable is missing or names a function that is not a queue
   *     or storage function
   */
  public SkyhopEventFunction() {
    this(System.getenv(), SkyhopEventFunction.class.getClassLoader(), System.out);
  }

  /**
   * The entry point for the functions indexed in {@code loader}, serving the one {@code env} names
   * and logging to {@code log}: for in-process invocation (the test kit). The invoker uses the
   * no-argument constructor.
   */
  public SkyhopEventFunction(Map<String, String> env, ClassLoader loader, PrintStream log) {
    this.deployment = Deployment.load(Deployment.Entry.CLOUD_EVENT, env, loader, log);
  }

  /**
   * Delivers the event to the function.
   *
   * @throws FunctionFailedException when the function threw (its exception is the cause)
   * @throws IllegalArgumentException when the event is not one this function's trigger receives
   */
  @Override
  public void accept(CloudEvent event) throws FunctionFailedException {
    InvocationContext context = deployment.context(event.getId());
    Trigger trigger = deployment.function().def().trigger();
    if (trigger instanceof Trigger.Queue) {
      deployment.function().invokeQueue(CloudEvents.message(event), context);
      return;
    }
    Trigger.Storage storage = (Trigger.Storage) trigger;
    Optional<StorageEvent.Type> type = CloudEvents.storageType(event);
    if (type.isEmpty() || !storage.events().contains(type.get())) {
      context
          .logger()
          .warn(
              "Ignored "
                  + event.getType()
                  + " event "
                  + event.getId()
                  + ": function '"
                  + deployment.function().name()
                  + "' handles "
                  + storage.events()
                  + ". Fix: narrow the Cloud Storage trigger's event type.");
      return;
    }
    deployment.function().invokeEvent(CloudEvents.storage(event, type.get()), context);
  }
}
