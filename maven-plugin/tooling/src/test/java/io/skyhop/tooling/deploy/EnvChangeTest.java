package io.skyhop.tooling.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvChangeTest {
  @Test
  void addsChangesRemovesWhatSkyhopSetAndKeepsWhatItDidNot() {
    EnvChange change =
        EnvChange.of(
            Map.of(
                "SKYHOP_FUNCTION",
                "get",
                "GREETING",
                "hi",
                "OLD",
                "x",
                "CONSOLE_FLAG",
                "on",
                EnvChange.MANAGED,
                "GREETING,OLD,SKYHOP_FUNCTION"),
            Map.of("SKYHOP_FUNCTION", "get", "GREETING", "hello", "TABLE", "orders"));

    assertThat(change.added()).containsExactly("TABLE");
    assertThat(change.changed()).containsExactly("GREETING");
    assertThat(change.removed()).containsExactly("OLD");
    assertThat(change.kept()).containsExactly("CONSOLE_FLAG");
    assertThat(change.result())
        .isEqualTo(
            Map.of(
                "SKYHOP_FUNCTION",
                "get",
                "GREETING",
                "hello",
                "TABLE",
                "orders",
                "CONSOLE_FLAG",
                "on",
                EnvChange.MANAGED,
                "GREETING,SKYHOP_FUNCTION,TABLE"));
    assertThat(change.describe()).isEqualTo("env +TABLE ~GREETING -OLD");
    assertThat(change.keptWarning("orders-get"))
        .isEqualTo(
            "orders-get: keeps environment keys Skyhop did not set: [CONSOLE_FLAG]. Fix: to manage"
                + " them, put them in src/main/skyhop/<stage>.properties; to drop them, remove them"
                + " in the provider's console");
  }

  @Test
  void withoutARecordOfItsKeysNothingIsRemovedOnlyKept() {
    EnvChange change = EnvChange.of(Map.of("A", "1", "B", "2"), Map.of("A", "1"));

    assertThat(change.removed()).isEmpty();
    assertThat(change.kept()).containsExactly("B");
    assertThat(change.changes()).isFalse();
    assertThat(change.describe()).isEmpty();
  }

  @Test
  void aNewFunctionGetsEveryKeyAndTheRecord() {
    EnvChange change = EnvChange.of(Map.of(), Map.of("SKYHOP_FUNCTION", "get", "MODE", "fast"));

    assertThat(change.describe()).isEqualTo("env +MODE");
    assertThat(change.result()).containsEntry(EnvChange.MANAGED, "MODE,SKYHOP_FUNCTION");
  }
}
