package io.skyhop.api.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compiles the fixture projects under {@code src/test/resources/fixtures/} with the processor on
 * the processor path, as a user's build does. A {@code *-fails} fixture lists every compile error
 * it must give, whole, in {@code expected-errors.txt} ({@code File.java:line: message}).
 */
class FunctionProcessorTest {
  /** Every error names the class and method, says what is wrong, then how to fix it. */
  private static final String MESSAGE_SHAPE =
      "[A-Za-z]+\\.java:\\d+: Skyhop: [A-Za-z]+\\.[A-Za-z]+\\(\\): .+\\. Fix: .+";

  @TempDir Path output;

  @Test
  void twoTriggersFailWithAMessageNamingTheMethodAndTheFix() throws IOException {
    FixtureCompiler.Result result = FixtureCompiler.compile("two-triggers-fails", output);

    assertThat(result.success()).isFalse();
    assertThat(result.errors())
        .containsExactly(
            "Report.java:11: Skyhop: Report.report(): has 2 trigger annotations (@HttpTrigger,"
                + " @ScheduleTrigger); a function has exactly one. Fix: keep exactly one of"
                + " @HttpTrigger, @ScheduleTrigger, @QueueTrigger, @StorageTrigger, and put each"
                + " other trigger on a method of its own");
    assertThat(result.index()).doesNotExist();
  }

  @Test
  void cronRestrictingBothDayFieldsFailsWithAMessageNamingTheMethodAndTheFix() throws IOException {
    FixtureCompiler.Result result = FixtureCompiler.compile("both-day-fields-fails", output);

    assertThat(result.success()).isFalse();
    assertThat(result.errors())
        .containsExactly(
            "Billing.java:10: Skyhop: Billing.invoice(): @ScheduleTrigger(cron = \"0 3 15 * 1\") is"
                + " invalid: day-of-month and day-of-week are both restricted; AWS EventBridge"
                + " cannot represent that and Google/Azure disagree on whether it means AND or OR."
                + " Fix: restrict only one of them and use '*' for the other");
    assertThat(result.index()).doesNotExist();
  }

  @Test
  void validFunctionsCompileAndTheirJarHoldsTheIndex(@TempDir Path jarDir) throws IOException {
    FixtureCompiler.Result result = FixtureCompiler.compile("valid-function-writes-index", output);

    assertThat(result.errors()).isEmpty();
    assertThat(result.success()).isTrue();
    String expected =
        Files.readString(
            FixtureCompiler.fixture("valid-function-writes-index")
                .resolve("expected-functions.json"));
    assertThat(result.index()).hasContent(expected);
    assertThat(output.resolve("com/example/shop/Shop.class")).exists();

    Path jar = jarDir.resolve("shop.jar");
    runJarTool("--create", "--file", jar.toString(), "-C", output.toString(), ".");
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry entry = file.getJarEntry("META-INF/skyhop/functions.json");
      assertThat(entry).as("index entry in the jar").isNotNull();
      try (InputStream in = file.getInputStream(entry)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
      }
    }
  }

  @Test
  void primeAndAfterRestoreHooksAndLeversAreRecordedInTheIndex() throws IOException {
    FixtureCompiler.Result result = FixtureCompiler.compile("primed-class-writes-hooks", output);

    assertThat(result.errors()).isEmpty();
    assertThat(result.index())
        .hasContent(
            Files.readString(
                FixtureCompiler.fixture("primed-class-writes-hooks")
                    .resolve("expected-functions.json")));
  }

  @Test
  void smokeRequestsAreRecordedInTheIndex() throws IOException {
    FixtureCompiler.Result result = FixtureCompiler.compile("smoke-writes-index", output);

    assertThat(result.errors()).isEmpty();
    assertThat(result.index())
        .hasContent(
            Files.readString(
                FixtureCompiler.fixture("smoke-writes-index").resolve("expected-functions.json")));
  }

  @Test
  void aProjectWithoutFunctionsCompilesAndGetsNoIndex() throws IOException {
    FixtureCompiler.Result result = FixtureCompiler.compile("no-functions-writes-no-index", output);

    assertThat(result.success()).isTrue();
    assertThat(result.errors()).isEmpty();
    assertThat(result.index()).doesNotExist();
  }

  static Stream<String> failingScenarios() {
    return FixtureCompiler.scenarios("-fails").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failingScenarios")
  void brokenFunctionsFailToCompileWithEveryErrorNamed(String scenario) throws IOException {
    List<String> expected =
        Files.readAllLines(FixtureCompiler.fixture(scenario).resolve("expected-errors.txt"))
            .stream()
            .filter(line -> !line.isBlank())
            .toList();

    FixtureCompiler.Result result = FixtureCompiler.compile(scenario, output);

    assertThat(result.success()).isFalse();
    assertThat(result.errors()).containsExactlyElementsOf(expected);
    assertThat(result.errors()).allSatisfy(error -> assertThat(error).matches(MESSAGE_SHAPE));
    assertThat(result.index()).as("no index for a broken project").doesNotExist();
  }

  @Test
  void everyRuleHasItsFailingFixture() {
    assertThat(FixtureCompiler.scenarios("-fails"))
        .contains(
            "two-triggers-fails",
            "both-day-fields-fails",
            "duplicate-names-fails",
            "duplicate-routes-fails",
            "shared-queue-fails",
            "invalid-name-fails",
            "non-public-class-fails",
            "non-public-method-fails",
            "missing-no-arg-constructor-fails",
            "zero-triggers-fails",
            "trigger-without-function-fails",
            "wrong-payload-fails",
            "two-payloads-fails",
            "two-contexts-fails",
            "http-response-on-queue-fails",
            "bad-return-fails",
            "memory-out-of-range-fails",
            "timeout-out-of-range-fails",
            "negative-max-concurrency-fails",
            "bad-path-fails",
            "empty-methods-fails",
            "bad-cron-fails",
            "bad-timezone-fails",
            "bad-queue-name-fails",
            "bad-bucket-fails",
            "bad-env-fails",
            "bad-secret-name-fails",
            "static-method-fails",
            "nested-class-fails",
            "abstract-class-fails",
            "interface-fails",
            "generic-method-fails",
            "bad-prime-fails",
            "two-primes-fails",
            "prime-without-functions-fails",
            "snap-start-on-java-17-fails",
            "bad-min-instances-fails",
            "smoke-on-queue-function-fails",
            "smoke-path-outside-route-fails",
            "smoke-method-not-accepted-fails",
            "smoke-body-on-get-fails",
            "smoke-without-function-fails");
  }

  private static void runJarTool(String... args) {
    ToolProvider jar = ToolProvider.findFirst("jar").orElseThrow();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    int status = jar.run(out, out, args);
    assertThat(status).as("jar tool: %s", log.toString(StandardCharsets.UTF_8)).isZero();
  }
}
