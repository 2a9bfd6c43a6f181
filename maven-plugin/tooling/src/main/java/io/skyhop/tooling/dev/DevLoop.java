package io.skyhop.tooling.dev;

import io.skyhop.tooling.BuildListener;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * {@code skyhop:run}'s reload loop: watches the project's source folders and, once edits settle,
 * compiles every source into the classes folder with the JDK's compiler (Skyhop's annotation
 * processor included, so the function index follows) and hands over to {@code reload} (repackage,
 * redeploy: the runtime swaps the version while it keeps serving). A compile error is reported and
 * the previous version keeps serving.
 */
public final class DevLoop implements AutoCloseable {
  /** How long edits must pause before a reload. */
  static final Duration SETTLE = Duration.ofMillis(300);

  /** What a reload does once the classes are compiled. */
  @FunctionalInterface
  public interface Reload {
    void run() throws Exception;
  }

  private final List<Path> sourceRoots;
  private final Path classes;
  private final List<Path> classpath;
  private final int release;
  private final Reload reload;
  private final BuildListener listener;
  private final WatchService watcher;
  private final Thread thread;

  /**
   * @param sourceRoots the folders holding {@code .java} sources (missing ones are skipped)
   * @param classes where the classes go ({@code target/classes})
   * @param classpath the compile class path (sdk-api and the project's dependencies)
   * @param release the {@code --release} to compile for
   */
  public DevLoop(
      List<Path> sourceRoots,
      Path classes,
      List<Path> classpath,
      int release,
      Reload reload,
      BuildListener listener)
      throws IOException {
    this.sourceRoots = sourceRoots.stream().filter(Files::isDirectory).toList();
    this.classes = classes;
    this.classpath = List.copyOf(classpath);
    this.release = release;
    this.reload = reload;
    this.listener = listener;
    this.watcher = FileSystems.getDefault().newWatchService();
    for (Path root : this.sourceRoots) {
      registerTree(root);
    }
    this.thread = new Thread(this::loop, "skyhop-reload");
    this.thread.setDaemon(true);
  }

  /** Starts watching. */
  public void start() {
    thread.start();
    listener.info(
        "Watching "
            + sourceRoots.stream().map(Path::toString).collect(Collectors.joining(", "))
            + ": a saved change is compiled and reloaded");
  }

  private void loop() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        boolean changed = drain(key);
        WatchKey next;
        while ((next = watcher.poll(SETTLE.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          changed |= drain(next);
        }
        if (changed) {
          rebuild();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // stopped
    }
  }

  /** Registers new folders, and says whether a source changed. */
  private boolean drain(WatchKey key) {
    boolean changed = false;
    Path dir = (Path) key.watchable();
    for (var event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
        changed = true;
        continue;
      }
      Path path = dir.resolve((Path) event.context());
      if (Files.isDirectory(path)) {
        try {
          registerTree(path);
        } catch (IOException e) {
          listener.warn("Cannot watch " + path + ": " + e.getMessage());
        }
        changed = true;
      } else if (path.toString().endsWith(".java")) {
        changed = true;
      }
    }
    key.reset();
    return changed;
  }

  /** Compiles every source and reloads; returns whether it did. */
  boolean rebuild() {
    long start = System.nanoTime();
    Optional<String> errors = compile();
    if (errors.isPresent()) {
      listener.warn(
          "Compilation failed; the previous version keeps serving. Fix the error and save:\n"
              + errors.get());
      return false;
    }
    try {
      reload.run();
    } catch (Exception e) {
      listener.warn("Reload failed; the previous version keeps serving: " + e.getMessage());
      return false;
    }
    listener.info("Reloaded in " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
    return true;
  }

  private Optional<String> compile() {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      return Optional.of(
          "no Java compiler in " + System.getProperty("java.home") + " (run Maven on a JDK)");
    }
    List<String> args = new ArrayList<>();
    String path =
        classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    args.addAll(
        List.of(
            "--release",
            String.valueOf(release),
            "-d",
            classes.toString(),
            "-classpath",
            path,
            "-processorpath",
            path,
            "-encoding",
            "UTF-8"));
    for (Path root : sourceRoots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).forEach(args::add);
      } catch (IOException e) {
        return Optional.of("cannot read " + root + ": " + e.getMessage());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream messages = new PrintStream(out, true, StandardCharsets.UTF_8);
    int code = javac.run(null, messages, messages, args.toArray(String[]::new));
    return code == 0 ? Optional.empty() : Optional.of(out.toString(StandardCharsets.UTF_8).strip());
  }

  private void registerTree(Path root) throws IOException {
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        dir.register(
            watcher,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }

  @Override
  public void close() throws IOException {
    thread.interrupt();
    watcher.close();
  }
}
