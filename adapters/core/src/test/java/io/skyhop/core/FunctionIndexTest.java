package io.skyhop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.api.Auth;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.StorageEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The index the SDK's processor wrote for this module's test functions (target/test-classes) reads
 * back into the definitions the source declares.
 */
class FunctionIndexTest {
  private final FunctionIndex index = FunctionIndex.load(getClass().getClassLoader());

  private static FunctionIndex parse(String resource) throws IOException {
    try (InputStream in = FunctionIndexTest.class.getResourceAsStream("/indexes/" + resource)) {
      return FunctionIndex.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  @Test
  void httpFunctionWithContextAndEnvironmentRoundTrips() {
    assertThat(index.function("payload-context-only"))
        .usingRecursiveComparison()
        .isEqualTo(
            new FunctionDef(
                "payload-context-only",
                "io.skyhop.core.functions.Payloads",
                "contextOnly",
                List.of("io.skyhop.api.Context"),
                -1,
                null,
                0,
                FunctionDef.ReturnKind.STRING,
                512,
                30,
                0,
                Map.of("COLOUR", "blue"),
                new Trigger.Http(
                    new PathTemplate("/payload/context-only"),
                    List.of(HttpMethod.GET, HttpMethod.POST),
                    Auth.ANONYMOUS)));
  }

  @Test
  void aSmokeRequestIsReadFromTheIndexAndAbsentWhereNoneIsNamed() {
    assertThat(index.smoke("payload-context-only"))
        .contains(new SmokeRequest("/payload/context-only?probe=1", "GET", ""));
    assertThat(index.smoke("payload-context-first")).isEmpty();
  }

  @Test
  void contextBeforeAPojoPayloadRoundTrips() {
    assertThat(index.function("payload-context-first"))
        .usingRecursiveComparison()
        .isEqualTo(
            new FunctionDef(
                "payload-context-first",
                "io.skyhop.core.functions.Payloads",
                "contextFirst",
                List.of("io.skyhop.api.Context", "io.skyhop.core.functions.Item"),
                1,
                FunctionDef.PayloadKind.JSON,
                0,
                FunctionDef.ReturnKind.STRING,
                512,
                30,
                0,
                Map.of(),
                new Trigger.Http(
                    new PathTemplate("/payload/context-first"),
                    List.of(HttpMethod.PUT),
                    Auth.ANONYMOUS)));
  }

  @Test
  void scheduleQueueAndStorageTriggersRoundTrip() {
    assertThat(index.function("nightly").trigger())
        .isEqualTo(new Trigger.Schedule("0 3 * * *", "Europe/Berlin"));
    assertThat(index.function("batch"))
        .usingRecursiveComparison()
        .isEqualTo(
            new FunctionDef(
                "batch",
                "io.skyhop.core.functions.Events",
                "batch",
                List.of("java.util.List", "io.skyhop.api.Context"),
                0,
                FunctionDef.PayloadKind.QUEUE_MESSAGE_LIST,
                1,
                FunctionDef.ReturnKind.JSON,
                512,
                30,
                0,
                Map.of(),
                new Trigger.Queue("batches")));
    assertThat(index.function("upload").trigger())
        .isEqualTo(
            new Trigger.Storage(
                "uploads", List.of(StorageEvent.Type.CREATED, StorageEvent.Type.DELETED)));
    assertThat(index.function("tick").payloadKind()).isNull();
    assertThat(index.function("blob").returnKind()).isEqualTo(FunctionDef.ReturnKind.BYTES);
  }

  @Test
  void functionsKeepDeclarationOrderWithinAClass() {
    assertThat(index.functions().stream().map(FunctionDef::name))
        .containsSubsequence("payload-request", "payload-string", "payload-bytes", "payload-pojo")
        .doesNotHaveDuplicates();
  }

  @Test
  void anIndexFileParses() throws IOException {
    FunctionIndex parsed = parse("two-functions.json");

    assertThat(parsed.functions())
        .extracting(FunctionDef::name)
        .containsExactly("hello", "on-order");
    assertThat(parsed.function("hello").memoryMb()).isEqualTo(256);
    assertThat(parsed.function("hello").secrets()).isEmpty();
    assertThat(parsed.function("on-order").secrets()).containsExactly("db-password", "api-key");
  }

  @Test
  void anUnknownNameListsTheKnownOnes() throws IOException {
    FunctionIndex parsed = parse("two-functions.json");

    assertThatThrownBy(() -> parsed.function("hullo"))
        .isInstanceOf(UnknownFunctionException.class)
        .hasMessage(
            "No function named 'hullo' in this package; it holds [hello, on-order]. Fix: set"
                + " SKYHOP_FUNCTION to one of those names (the Skyhop Maven plugin writes it into"
                + " each target's configuration), or repackage after renaming.");
  }

  @Test
  void aMissingIndexNamesTheProcessorAndTheFix() throws IOException {
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      assertThatThrownBy(() -> FunctionIndex.load(empty))
          .isInstanceOf(IndexException.class)
          .hasMessage(
              "No Skyhop functions found: META-INF/skyhop/functions.json is not on the class path."
                  + " The index is written by the annotation processor in skyhop-sdk-api at compile"
                  + " time: depend on io.skyhop:skyhop-sdk-api, annotate at least one public method"
                  + " with @Function and a trigger, and make sure the build does not disable"
                  + " annotation processing (-proc:none).");
    }
  }

  @Test
  void anotherIndexVersionIsRefused() {
    assertThatThrownBy(() -> parse("version-2.json"))
        .isInstanceOf(IndexException.class)
        .hasMessage(
            "META-INF/skyhop/functions.json has version 2, this Skyhop reads version 1. Fix: build"
                + " the functions and package them with the same Skyhop version.");
  }

  @Test
  void aDamagedIndexIsAnIndexException() {
    for (String damaged :
        List.of(
            "truncated.json",
            "unknown-payload-kind.json",
            "unknown-trigger.json",
            "missing-field.json")) {
      assertThatThrownBy(() -> parse(damaged)).as(damaged).isInstanceOf(IndexException.class);
    }
    assertThatThrownBy(() -> parse("unknown-payload-kind.json"))
        .hasMessage(
            "Cannot read META-INF/skyhop/functions.json: No enum constant"
                + " io.skyhop.core.FunctionDef.PayloadKind.FORM");
    assertThatThrownBy(() -> parse("unknown-trigger.json"))
        .hasMessage("Unknown trigger type 'websocket' in META-INF/skyhop/functions.json");
  }
}
