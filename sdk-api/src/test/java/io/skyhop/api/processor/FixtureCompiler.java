package io.skyhop.api.processor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a fixture project ({@code src/test/resources/fixtures/<scenario>/src}) with the system
 * Java compiler, the SDK's processor found on the processor path through its {@code
 * META-INF/services} entry (as a user's build finds it) and the SDK classes on the class path.
 */
final class FixtureCompiler {
  /** What a compilation gave. */
  record Result(boolean success, List<String> errors, Path output) {
    /** The written index, if any. */
    Path index() {
      return output.resolve(FunctionProcessor.INDEX);
    }
  }

  private FixtureCompiler() {}

  /** The fixture's folder. */
  static Path fixture(String scenario) {
    URL url = FixtureCompiler.class.getResource("/fixtures/" + scenario);
    if (url == null) {
      throw new IllegalArgumentException("No fixture folder fixtures/" + scenario);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every fixture scenario whose name ends with {@code suffix}, sorted. */
  static List<String> scenarios(String suffix) {
    try (Stream<Path> dirs = Files.list(fixture("").getParent().resolve("fixtures"))) {
      return dirs.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compiles the scenario's sources into {@code output}.
   *
   * @return the outcome; errors are formatted {@code File.java:line: message}
   */
  static Result compile(String scenario, Path output) throws IOException {
    Path src = fixture(scenario).resolve("src");
    List<File> sources;
    try (Stream<Path> files = Files.walk(src)) {
      sources =
          files.filter(p -> p.toString().endsWith(".java")).sorted().map(Path::toFile).toList();
    }
    String sdk = sdkClasses();
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options =
          List.of(
              "--release",
              "17",
              "-processorpath",
              sdk,
              "-classpath",
              sdk,
              "-d",
              output.toString(),
              "-implicit:none",
              "-Xlint:-options");
      boolean success =
          compiler
              .getTask(
                  null,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromFiles(sources))
              .call();
      List<String> errors = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          String file =
              d.getSource() == null ? "?" : Path.of(d.getSource().toUri()).getFileName().toString();
          errors.add(file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
        }
      }
      return new Result(success, errors, output);
    }
  }

  /** Where the SDK's classes (and its META-INF/services entry) were compiled to. */
  private static String sdkClasses() {
    try {
      return Path.of(
              FunctionProcessor.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
