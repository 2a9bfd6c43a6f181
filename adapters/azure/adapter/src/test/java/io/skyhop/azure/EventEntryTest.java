package io.skyhop.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.core.FunctionRuntime;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventEntryTest {
  private static final long NOW = Instant.parse("2026-11-26T10:20:37.123Z").toEpochMilli();

  private final SkyhopFunctions functions =
      new SkyhopFunctions(
          new AzureAdapter(
              FunctionRuntime.load(getClass().getClassLoader()),
              Map.of(),
              Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC)));

  @Test
  void aTimerRunIsDueAtTheHostsScheduleStatusNext() {
    Fakes.Context ctx = new Fakes.Context("tick", "inv-1");
    functions.timer(
        "{\"Schedule\":{\"AdjustForDST\":true},\"ScheduleStatus\":{\"Last\":"
            + "\"2026-11-26T10:10:00+00:00\",\"Next\":\"2026-11-26T10:20:00+00:00\",\"LastUpdated\":"
            + "\"2026-11-26T10:10:00.0123+00:00\"},\"IsPastDue\":false}",
        ctx);

    assertThat(ctx.lines()).containsExactly("INFO tick 2026-11-26T10:20:00Z */10 * * * * UTC");
  }

  @Test
  void aTimeWithoutOffsetIsUtc() {
    Fakes.Context ctx = new Fakes.Context("tick", "inv-2");
    functions.timer(
        "{\"ScheduleStatus\":{\"Next\":\"2026-11-26T10:20:00\"},\"IsPastDue\":true}", ctx);

    assertThat(ctx.lines()).containsExactly("INFO tick 2026-11-26T10:20:00Z */10 * * * * UTC");
  }

  @Test
  void withoutScheduleStatusTheRunIsDueAtTheStartOfTheMinute() {
    Fakes.Context ctx = new Fakes.Context("tick", "inv-3");
    functions.timer("{\"Schedule\":{},\"ScheduleStatus\":null,\"IsPastDue\":false}", ctx);

    assertThat(ctx.lines()).containsExactly("INFO tick 2026-11-26T10:20:00Z */10 * * * * UTC");
  }

  @Test
  void aQueueMessageCarriesItsIdBodyAndDequeueCount() {
    Fakes.Context ctx = new Fakes.Context("take", "inv-4");
    functions.queue("job 1".getBytes(StandardCharsets.UTF_8), "m-1", "3", ctx);

    assertThat(ctx.lines()).containsExactly("INFO take m-1 3 job 1");
  }

  @Test
  void aQueueMessageContinuesTheHostsTraceContext() {
    Fakes.Context ctx =
        new Fakes.Context("take", "inv-6")
            .withTraceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    functions.queue("job 2".getBytes(StandardCharsets.UTF_8), "m-3", "1", ctx);

    assertThat(ctx.lines())
        .containsExactly("INFO take m-3 1 job 2 trace 0af7651916cd43dd8448eb211c80319c");
  }

  @Test
  void aFailingMessageThrowsSoTheHostRetriesIt() {
    Fakes.Context ctx = new Fakes.Context("take", "inv-5");

    assertThatThrownBy(
            () -> functions.queue("boom".getBytes(StandardCharsets.UTF_8), "m-2", "1", ctx))
        .isInstanceOf(AzureFunctionException.class)
        .hasMessage("Function 'take' failed: java.lang.IllegalArgumentException: cannot take boom")
        .cause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot take boom");
  }

  @Test
  void aBlobBecomesACreatedStorageEvent() {
    Fakes.Context ctx = new Fakes.Context("stored", "inv-6");
    functions.blob(
        new byte[] {1, 2, 3},
        "cat.jpg",
        "files/photos/cat.jpg",
        "{\"ContentLength\":12345,\"ETag\":\"\\\"0x8DC0\\\"\",\"ContentType\":\"image/jpeg\"}",
        ctx);

    assertThat(ctx.lines())
        .containsExactly("INFO stored files photos/cat.jpg 12345 CREATED 0x8DC0");
  }

  @Test
  void withoutPropertiesTheBlobSizeIsItsContentLength() {
    Fakes.Context ctx = new Fakes.Context("stored", "inv-7");
    functions.blob(new byte[] {1, 2, 3}, "a.txt", null, null, ctx);

    assertThat(ctx.lines()).containsExactly("INFO stored files a.txt 3 CREATED -");
  }

  @Test
  void anAzureFunctionNameThatIsNoSkyhopFunctionIsAnError() {
    assertThatThrownBy(() -> functions.queue(new byte[0], "m", "1", new Fakes.Context("nope", "i")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Azure function 'nope' is not a Skyhop function of this package; it holds [echo,"
                + " reverse, fail, teapot, tick, take, stored]. Fix: deploy the app folder written"
                + " by skyhop:package unchanged (each function folder is named after its Skyhop"
                + " function).");
  }

  @Test
  void aFunctionBoundToAnotherTriggersEntryPointIsAnError() {
    assertThatThrownBy(() -> functions.queue(new byte[0], "m", "1", new Fakes.Context("tick", "i")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Azure function 'tick' is bound to the wrong entry point: its Skyhop trigger is"
                + " 'schedule'. Fix: deploy the function.json files written by skyhop:package"
                + " unchanged.");
  }
}
