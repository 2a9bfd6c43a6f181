package io.skyhop.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Maven build of a copy of a project: copies a project directory (an example or a fixture
 * under {@code src/test/resources}) to {@code target/it/<scenario>}, points its parent's {@code
 * relativePath} at the original parent pom (the only rewrite), and runs {@code mvn -B <args>} in it
 * with a timeout, capturing the output. Skyhop's snapshot artifacts come from the local repository
 * ({@code mvn install} runs before the integration tests); Maven Central is reachable, so no {@code
 * -o}.
 *
 * <p>The child's environment is the test's, minus every {@code AWS_*}, {@code AZURE_*} and {@code
 * GOOGLE_*} variable, plus what {@link #env} adds: a build never picks up the machine's cloud
 * credentials by accident.
 *
 * <p>Every run is made cheap where that changes nothing a test looks at: {@link #FAST_START} is
 * added to the child's {@code MAVEN_OPTS} (a fixture build of {@code examples/orders} takes about
 * half the CPU time), and the formatter, which only the repository's own build needs, is skipped.
 */
public final class MavenBuild {
  private static final Pattern RELATIVE_PATH =
      Pattern.compile("<relativePath>\\s*([^<]*?)\\s*</relativePath>");
  private static final List<String> SCRUBBED = List.of("AWS_", "AZURE_", "GOOGLE_");

  /**
   * JVM options for the short-lived child Mavens, by what each sets (added unless {@code
   * MAVEN_OPTS} mentions that already): the client compiler only and the serial collector start a
   * JVM that lives seconds with about half the CPU time of the defaults.
   */
  private static final Map<String, String> FAST_START =
      Map.of("TieredStopAtLevel", "-XX:TieredStopAtLevel=1", "GC", "-XX:+UseSerialGC");

  /** Properties of every run: the formatter is the repository's business, not a fixture's. */
  private static final List<String> FIXTURE_PROPERTIES =
      List.of("-Dspotless.apply.skip=true", "-Dspotless.check.skip=true");

  private final Path dir;
  private final Map<String, String> env = new LinkedHashMap<>();
  private int runs;

  private MavenBuild(Path dir) {
    this.dir = dir;
  }

  /**
   * Copies {@code project} (without its {@code target/}) to {@code target/it/<scenario>}, replacing
   * an earlier copy.
   */
  public static MavenBuild copy(Path project, String scenario) {
    Path to = Path.of("target", "it", scenario).toAbsolutePath();
    try {
      deleteRecursively(to);
      copyTree(project, to);
      rewriteParentPath(project, to.resolve("pom.xml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new MavenBuild(to);
  }

  /** The copy's directory. */
  public Path dir() {
    return dir;
  }

  /** Sets an environment variable of the builds (never logged). */
  public MavenBuild env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Another build of the same copy, with a copy of this one's environment. */
  public MavenBuild variant() {
    MavenBuild other = new MavenBuild(dir);
    other.env.putAll(env);
    other.runs = runs + 100;
    return other;
  }

  /** Removes an environment variable set by {@link #env}. */
  public MavenBuild unsetEnv(String name) {
    env.remove(name);
    return this;
  }

  /**
   * Runs {@code mvn -B -ntp <args>} in the copy, killing it after {@code timeout}.
   *
   * @throws AssertionError when it does not finish in time
   */
  public Result run(Duration timeout, String... args) {
    List<String> command = command(args);
    Path log = nextLog();
    ProcessBuilder pb = processBuilder(command, log);
    long start = System.nanoTime();
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + command, e);
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(
            "mvn " + String.join(" ", args) + " did not finish in " + timeout + "; log: " + log);
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      return new Result(
          process.exitValue(), output, Duration.ofNanos(System.nanoTime() - start), log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /**
   * Starts {@code mvn -B -ntp <args>} in the copy without waiting (a goal that keeps running, such
   * as {@code skyhop:run}); the caller stops it. Its output goes to {@link Running#log}.
   */
  public Running start(String... args) throws IOException {
    Path log = nextLog();
    return new Running(processBuilder(command(args), log).start(), log);
  }

  /** A build still running: its process and the file its output goes to. */
  public record Running(Process process, Path log) {
    /** What it printed so far. */
    public String output() throws IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }
  }

  private List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(mvn());
    command.add("-B");
    command.add("-ntp");
    command.addAll(FIXTURE_PROPERTIES);
    command.addAll(List.of(args));
    return command;
  }

  private Path nextLog() {
    return dir.resolveSibling(dir.getFileName() + "-" + (++runs) + ".log");
  }

  private ProcessBuilder processBuilder(List<String> command, Path log) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> SCRUBBED.stream().anyMatch(k::startsWith));
    pb.environment().putAll(env);
    pb.environment().put("MAVEN_OPTS", withFastStart(pb.environment().get("MAVEN_OPTS")));
    return pb;
  }

  /** {@code mavenOpts} (may be null) followed by each {@link #FAST_START} option it lacks. */
  public static String withFastStart(String mavenOpts) {
    List<String> opts = new ArrayList<>();
    if (mavenOpts != null && !mavenOpts.isBlank()) {
      opts.add(mavenOpts.strip());
    }
    FAST_START.forEach(
        (sets, option) -> {
          if (mavenOpts == null || !mavenOpts.contains(sets)) {
            opts.add(option);
          }
        });
    return String.join(" ", opts);
  }

  /**
   * A finished build.
   *
   * @param exitCode Maven's exit code
   * @param output everything Maven printed
   * @param took how long it ran
   * @param log the file holding the output
   */
  public record Result(int exitCode, String output, Duration took, Path log) {
    /** Whether the build succeeded. */
    public boolean succeeded() {
      return exitCode == 0 && output.contains("BUILD SUCCESS");
    }

    /** The output's lines. */
    public List<String> lines() {
      return output.lines().toList();
    }

    @Override
    public String toString() {
      return "mvn exit " + exitCode + " after " + took.toMillis() + " ms, log " + log;
    }
  }

  private static String mvn() {
    String home = System.getProperty("maven.home");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn").toString();
    }
    return "mvn";
  }

  /** Points a relative parent path at the original parent pom, which the copy no longer sits by. */
  private static void rewriteParentPath(Path project, Path pom) throws IOException {
    if (!Files.isRegularFile(pom)) {
      return;
    }
    String text = Files.readString(pom, StandardCharsets.UTF_8);
    Matcher m = RELATIVE_PATH.matcher(text);
    if (m.find() && !m.group(1).isEmpty()) {
      Path parent = project.toAbsolutePath().resolve(m.group(1)).normalize();
      if (Files.isDirectory(parent)) {
        parent = parent.resolve("pom.xml");
      }
      if (Files.isRegularFile(parent)) {
        text =
            text.substring(0, m.start(1))
                + parent.toString().replace("\\", "/")
                + text.substring(m.end(1));
        Files.writeString(pom, text, StandardCharsets.UTF_8);
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            if (d.getFileName().toString().equals("target") && !d.equals(from)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(from.relativize(d).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            Files.copy(
                f, to.resolve(from.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
