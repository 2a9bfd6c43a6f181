package io.skyhop.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The W3C Trace Context format: what is read, what is ignored, what is written. */
class TraceParentTest {
  @Test
  void readsTheSpecificationsExample() {
    TraceParent p = TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

    assertThat(p)
        .isEqualTo(new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true));
    assertThat(p.header()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  }

  @Test
  void readsAnUnsampledParentAndAFutureVersionWithMoreFields() {
    assertThat(
            TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00").sampled())
        .isFalse();
    assertThat(TraceParent.parse("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-09-what"))
        .isEqualTo(new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
        "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
      })
  void ignoresMalformedValues(String value) {
    assertThat(TraceParent.parse(value)).isNull();
  }

  @Test
  void newIdsHaveTheRightLengthAndAreNotZero() {
    TraceParent root = TraceParent.root(TraceParent.randomHex(1));

    assertThat(root.traceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    assertThat(root.spanId()).matches("[0-9a-f]{16}");
    assertThat(TraceParent.parse(root.header())).isEqualTo(root);
  }
}
