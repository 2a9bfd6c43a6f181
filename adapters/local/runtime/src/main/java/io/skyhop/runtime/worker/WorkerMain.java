package io.skyhop.runtime.worker;

import io.skyhop.core.Adapters;
import io.skyhop.core.BoundFunction;
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

/**
 * The entry point of a worker process: one function instance of the in-house runtime. Its class
 * path is the app bundle (classes and {@code lib/}, which holds the adapter core) plus the small
 * jar of this package; no runtime class is visible to user code.
 *
 * <p>It reads the function name from {@value Adapters#FUNCTION_ENV} (set by the runtime from the
 * deployment, never from a request), binds the function, answers {@link Frames#READY} and then
 * serves one invocation at a time from stdin until stdin closes. User output to {@code System.out}
 * goes to stderr, since stdout carries the protocol.
 *
 * <p>A function class's {@code @Prime} method runs before the ready frame.
 *
 * <p>{@code --prepare} binds (and primes) every function of the bundle and exits: the runtime runs
 * it once per deployment with {@code -XX:ArchiveClassesAtExit} to build the class-data sharing
 * archive that later cold starts map instead of loading classes one by one.
 */
public final class WorkerMain {
  /** The option naming the target functions see in {@code Context.target()}. */
  public static final String TARGET_OPTION = "--target";

  private WorkerMain() {}

  /** Runs the worker. */
  public static void main(String[] args) throws Exception {
    DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    System.setOut(System.err);
    FunctionRuntime runtime = FunctionRuntime.load(WorkerMain.class.getClassLoader());
    if (args.length == 1 && args[0].equals("--prepare")) {
      prepare(runtime);
      System.exit(0);
    }
    if (args.length != 2 || !args[0].equals(TARGET_OPTION)) {
      System.err.println(
          "skyhop worker: usage: WorkerMain --target <id>; start workers from the runtime");
      System.exit(2);
    }
    String name = System.getenv(Adapters.FUNCTION_ENV);
    if (name == null || name.isBlank()) {
      System.err.println(
          "skyhop worker: "
              + Adapters.FUNCTION_ENV
              + " is not set; start workers from the runtime");
      System.exit(2);
    }
    BoundFunction function = runtime.function(name);
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
    Secrets secrets =
        new Secrets(
            name,
            function.def().secrets(),
            new SecretsFrame.Received(SecretsFrame.read(in), args[1]));
    Channel channel = new Channel(in, out);
    runtime.prime(name); // @Prime: before the worker is marked ready
    channel.ready();
    exitWithTheRuntime();
    new Worker(function, channel, System.getenv(), args[1], secrets).run();
    System.exit(0);
  }

  /**
   * Ends this worker when the runtime that started it is gone, even killed with {@code -9} while
   * the function is busy (its stdin closing is seen only between invocations). Started after the
   * ready frame, off the cold-start path.
   */
  static void exitWithTheRuntime() {
    ProcessHandle runtime = ProcessHandle.current().parent().orElse(null);
    if (runtime == null) {
      return;
    }
    Thread watch =
        new Thread(
            () -> {
              while (runtime.isAlive()) {
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
              Runtime.getRuntime().halt(137);
            },
            "skyhop-runtime-watch");
    watch.setDaemon(true);
    watch.start();
  }

  /** Loads what a cold start loads (every function's class, the codec, the protocol). */
  private static void prepare(FunctionRuntime runtime) throws Exception {
    for (FunctionDef def : runtime.index().functions()) {
      runtime.function(def.name());
      runtime.prime(def.name()); // what priming loads goes into the archive too
    }
    runtime.json().write(java.util.Map.of("prepare", true));
    Worker.warmUp();
  }
}
