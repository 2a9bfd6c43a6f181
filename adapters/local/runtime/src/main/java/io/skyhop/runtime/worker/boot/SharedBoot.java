package io.skyhop.runtime.worker.boot;

import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entry point of a shared worker JVM, alone on its class path (its own small jar, JDK classes
 * only): creates the app's class loader over the bundle's jars and the worker jar, with the
 * platform class loader as parent, and runs {@code io.skyhop.runtime.worker.SharedWorker} in it.
 * The app's classes (and the adapter core and Gson of its {@code lib/}) therefore resolve against
 * its bundle only, never against this class path, as Google's invoker loads a function apart from
 * its own classes.
 *
 * <p>Usage: {@code SharedBoot <class path of the app and the worker jar> --target <id>}.
 */
public final class SharedBoot {
  /** The class the app's loader runs. */
  static final String WORKER = "io.skyhop.runtime.worker.SharedWorker";

  /** The name of the app's class loader, as functions see it. */
  public static final String LOADER_NAME = "skyhop-app";

  private SharedBoot() {}

  /** Runs the shared worker in the app's class loader. */
  public static void main(String[] args) throws Throwable {
    if (args.length < 1) {
      System.err.println("skyhop shared worker: usage: SharedBoot <class path> --target <id>");
      System.exit(2);
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : args[0].split(File.pathSeparator)) {
      urls.add(url(entry));
    }
    URLClassLoader app =
        new URLClassLoader(
            LOADER_NAME, urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    Thread.currentThread().setContextClassLoader(app);
    MethodHandle main =
        MethodHandles.publicLookup()
            .findStatic(
                Class.forName(WORKER, true, app),
                "main",
                MethodType.methodType(void.class, String[].class));
    main.invoke((Object) Arrays.copyOfRange(args, 1, args.length));
  }

  private static URL url(String entry) throws MalformedURLException {
    return Path.of(entry).toUri().toURL();
  }
}
