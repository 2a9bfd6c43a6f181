package io.skyhop.runtime.worker;

import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionRuntime;
import io.skyhop.core.Secrets;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A shared worker (the runtime's {@code --shared} mode): one JVM serving every function of one
 * trusted app, as Google's invoker does. Started by {@link
 * io.skyhop.runtime.worker.boot.SharedBoot} in the app's own class loader (the bundle and this
 * package, parent: the platform loader), so neither the app nor this copy of the worker classes
 * links against the system class path.
 *
 * <p>It binds every function of the bundle, answers {@link Frames#READY}, then reads invocations
 * ({@link Frames#INVOKE_FUNCTION}, each naming its function) from stdin and runs each on a thread
 * of its own: the runtime sends as many at a time as the functions' instance slots allow, and the
 * answers, each carrying its request id, go back in the order they finish. A throwable that escapes
 * a function answers that invocation as failed; it does not end the other ones.
 */
public final class SharedWorker {
  private SharedWorker() {}

  /** Runs the shared worker: {@code --target <id>}. */
  public static void main(String[] args) throws Exception {
    DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    System.setOut(System.err);
    if (args.length != 2 || !args[0].equals(WorkerMain.TARGET_OPTION)) {
      System.err.println(
          "skyhop shared worker: usage: SharedWorker --target <id>; start workers from the runtime");
      System.exit(2);
    }
    String target = args[1];
    FunctionRuntime runtime = FunctionRuntime.load(SharedWorker.class.getClassLoader());
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
    SecretsFrame.Received secrets = new SecretsFrame.Received(SecretsFrame.read(in), target);
    Channel channel = new Channel(in, out);
    Map<String, Worker> workers = new HashMap<>();
    for (FunctionDef def : runtime.index().functions()) {
      workers.put(
          def.name(),
          new Worker(
              runtime.function(def.name()),
              channel,
              System.getenv(),
              target,
              new Secrets(def.name(), def.secrets(), secrets)));
      runtime.prime(def.name()); // @Prime: before the worker is marked ready
    }
    channel.ready();
    WorkerMain.exitWithTheRuntime();
    serve(channel, workers);
    System.exit(0);
  }

  private static void serve(Channel channel, Map<String, Worker> workers) throws IOException {
    AtomicInteger threads = new AtomicInteger();
    ExecutorService calls =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "skyhop-call-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    Channel.Invocation invocation;
    while ((invocation = channel.next()) != null) {
      Worker worker = workers.get(invocation.function());
      if (worker == null) {
        throw new Frames.ProtocolException(
            "no function '" + invocation.function() + "' in this shared worker");
      }
      Worker.Call call = worker.read(invocation);
      String requestId = invocation.requestId();
      calls.execute(() -> run(channel, requestId, call));
    }
  }

  private static void run(Channel channel, String requestId, Worker.Call call) {
    try {
      call.run();
    } catch (IOException e) {
      // the runtime is gone or closed the stream: nobody is left to answer
      Runtime.getRuntime().halt(1);
    } catch (RuntimeException | Error e) {
      e.printStackTrace();
      try {
        channel.failed(requestId, String.valueOf(e));
      } catch (IOException gone) {
        Runtime.getRuntime().halt(1);
      }
    }
  }
}
