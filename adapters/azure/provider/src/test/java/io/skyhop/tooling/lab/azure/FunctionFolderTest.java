package io.skyhop.tooling.lab.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading a function folder as the Azure Java worker does, and matching its route. */
class FunctionFolderTest {
  private static final Path APP = Path.of("src/test/resources/lab/azure-app");

  @Test
  void splitsTheEntryPointAtTheLastDotAndFindsTheTrigger() throws Exception {
    FunctionFolder get = FunctionFolder.read(APP, "get");
    assertThat(get.className()).isEqualTo("io.skyhop.azure.SkyhopFunctions");
    assertThat(get.methodName()).isEqualTo("http");
    assertThat(get.scriptFile()).isEqualTo(APP.resolve("orders.jar"));
    assertThat(get.triggerType()).isEqualTo("httpTrigger");
    assertThat(get.triggerName()).isEqualTo("req");
    assertThat(get.methods()).isEqualTo(List.of("GET"));
  }

  @Test
  void matchesTheRouteSegmentBySegment() throws Exception {
    FunctionFolder get = FunctionFolder.read(APP, "get");
    assertThat(get.match("orders/lab-1")).isEqualTo(Optional.of(Map.of("id", "lab-1")));
    assertThat(get.match("ORDERS/7/")).isEqualTo(Optional.of(Map.of("id", "7")));
    assertThat(get.match("orders")).isEmpty();
    assertThat(get.match("orders/1/lines")).isEmpty();
    assertThat(get.match("invoices/1")).isEmpty();
  }
}
