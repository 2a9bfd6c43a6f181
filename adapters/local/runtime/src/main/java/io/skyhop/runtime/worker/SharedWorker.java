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
import java.util.HashMap;
import java.util.Map;

/**
 * A shared worker (the runtime's {@code --shared} mode): one JVM serving every function of one
 * trusted app, as Google's invoker does. Started by {@link
 * io.skyhop.runtime.worker.boot.SharedBoot} in the app's own class loader (the bundle and this
 * package, parent: the platform loader), so neither the app nor this copy of the worker classes
 * links against the system class path.
 *
 * <p>It binds every function of the bundle, answers {@link Frames#READY}, then reads invocations
 * ({@link Frames#INVOKE_FUNCTION}, each naming its function) from stdin ({@link SharedReader}: the
 * reading thread runs a call itself and another takes over reading when it runs long): the runtime
 * sends as many at a time as the functions' instance slots allow, and the answers, each carrying
 * its request id, go back in the order they finish. A throwable that escapes a function answers
 * that invocation as failed; it does not end the other ones.
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
    new SharedReader(channel, workers).serve();
  }
}
