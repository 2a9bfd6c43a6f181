package io.skyhop.tooling.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The lab's schedule: one unrecorded start per target, interleaved rounds, the burst last. */
class LabTest {
  private final List<String> events = new ArrayList<>();
  private final List<String> log = new ArrayList<>();

  @Test
  void interleavesTargetsAndBurstsOnTheLastRound() {
    LabFunction a = SamplesTest.http("a", "/a", List.of("GET"));
    LabFunction b = SamplesTest.function("b", io.skyhop.tooling.pack.Manifest.Trigger.queue("q"));
    List<Measurement> measured =
        new Lab(
                List.of(
                    new Scripted(Target.named("aws"), 100, -1),
                    new Scripted(Target.named("gcp"), 300, -1)),
                BuildListener.collecting(log))
            .measure(List.of(a, b), 2, 3);

    assertThat(events)
        .containsExactly(
            "start aws a",
            "close aws a",
            "start gcp a",
            "close gcp a",
            "start aws a",
            "close aws a",
            "start gcp a",
            "close gcp a",
            "start aws b",
            "close aws b",
            "start gcp b",
            "close gcp b",
            "start aws a",
            "invoke aws a",
            "invoke aws a",
            "invoke aws a",
            "close aws a",
            "start gcp a",
            "invoke gcp a",
            "invoke gcp a",
            "invoke gcp a",
            "close gcp a",
            "start aws b",
            "invoke aws b",
            "invoke aws b",
            "invoke aws b",
            "close aws b",
            "start gcp b",
            "invoke gcp b",
            "invoke gcp b",
            "invoke gcp b",
            "close gcp b");
    assertThat(measured)
        .extracting(m -> m.target().id() + "/" + m.function().name())
        .containsExactly("aws/a", "aws/b", "gcp/a", "gcp/b");
    Measurement gcpA = measured.get(2);
    assertThat(gcpA.coldStarts()).hasSize(2);
    assertThat(gcpA.coldStarts().get(0).totalMs()).isEqualTo(300);
    assertThat(gcpA.warm()).hasSize(3);
    assertThat(gcpA.peakMemoryKb()).isEqualTo(OptionalLong.of(2048));
    assertThat(gcpA.failures()).isEmpty();
    assertThat(log).contains("report: gcp primed (300 ms, not recorded)");
    assertThat(log)
        .anyMatch(
            l ->
                l.matches(
                    "report: \\[2/2\\] gcp +a +cold +300 ms \\(init 30 ms\\), warm p50 1\\.0 ms over 3"));
  }

  @Test
  void aFailedSampleIsRecordedAndTheRunGoesOn() {
    LabFunction a = SamplesTest.http("a", "/a", List.of("GET"));
    List<Measurement> measured =
        new Lab(List.of(new Scripted(Target.named("local"), 50, 2)), BuildListener.collecting(log))
            .measure(List.of(a), 3, 1);
    Measurement m = measured.get(0);
    assertThat(m.coldStarts()).hasSize(2);
    assertThat(m.failures()).containsExactly("local: start 2 failed on purpose");
    assertThat(log)
        .contains("WARNING report: local a sample 2 failed: local: start 2 failed on purpose");
  }

  /** A harness whose instances take fixed times, failing the given recorded start. */
  private final class Scripted implements Harness {
    private final Target target;
    private final double coldMs;
    private final int failRecordedStart;
    private int starts;

    Scripted(Target target, double coldMs, int failRecordedStart) {
      this.target = target;
      this.coldMs = coldMs;
      this.failRecordedStart = failRecordedStart;
    }

    @Override
    public Target target() {
      return target;
    }

    @Override
    public String label() {
      return target.id();
    }

    @Override
    public Instance coldStart(LabFunction function) throws IOException {
      if (starts++ == failRecordedStart) {
        throw new LabException(target.id() + ": start " + (starts - 1) + " failed on purpose");
      }
      events.add("start " + target.id() + " " + function.name());
      return new Instance() {
        @Override
        public ColdStart coldStart() {
          return new ColdStart(coldMs, OptionalDouble.of(coldMs / 10), OptionalDouble.of(1));
        }

        @Override
        public Invocation invoke() {
          events.add("invoke " + target.id() + " " + function.name());
          return new Invocation(1.0, OptionalDouble.of(0.5), "200");
        }

        @Override
        public OptionalLong peakMemoryKb() {
          return OptionalLong.of(2048);
        }

        @Override
        public void close() {
          events.add("close " + target.id() + " " + function.name());
        }
      };
    }
  }
}
