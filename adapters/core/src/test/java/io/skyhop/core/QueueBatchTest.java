package io.skyhop.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.api.QueueMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch reports which messages failed, so targets retry only those (SQS partial failures). */
class QueueBatchTest {
  private final FunctionRuntime runtime = FunctionRuntime.load(getClass().getClassLoader());
  private final TestContexts contexts = new TestContexts();

  private List<String> deliver(String function, QueueMessage... batch) {
    return runtime
        .function(function)
        .invokeQueueBatch(List.of(batch), contexts.forFunction(function));
  }

  @Test
  void perMessageFunctionsFailOnlyTheMessagesThatThrew() {
    List<String> failed =
        deliver(
            "message",
            QueueMessage.of("m-1", "fine"),
            QueueMessage.of("m-2", "poison"),
            QueueMessage.of("m-3", "fine too"),
            QueueMessage.of("m-4", "more poison"));

    assertThat(failed).containsExactly("m-2", "m-4");
    assertThat(contexts.logs)
        .filteredOn(line -> line.startsWith("INFO"))
        .containsExactly(
            "INFO m-1 fine {} 1",
            "INFO m-2 poison {} 1",
            "INFO m-3 fine too {} 1",
            "INFO m-4 more poison {} 1");
    assertThat(contexts.logs)
        .filteredOn(line -> line.startsWith("ERROR"))
        .hasSize(2)
        .first()
        .asString()
        .startsWith(
            "ERROR Function 'message' failed: java.lang.IllegalArgumentException: poison message"
                + " m-2 (message m-2)\njava.lang.IllegalArgumentException: poison message m-2\n");
  }

  @Test
  void anUnreadableBodyFailsOnlyItsMessage() {
    List<String> failed =
        deliver(
            "item",
            QueueMessage.of("m-1", "{\"name\":\"a\",\"quantity\":1}"),
            QueueMessage.of("m-2", "{not json"),
            QueueMessage.of("m-3", "{\"name\":\"c\",\"quantity\":-1}"));

    assertThat(failed).containsExactly("m-2", "m-3");
    assertThat(contexts.logs)
        .filteredOn(line -> line.startsWith("INFO"))
        .containsExactly("INFO item a");
  }

  @Test
  void aWholeBatchFunctionThatThrowsFailsEveryMessage() {
    List<String> failed =
        deliver(
            "batch",
            QueueMessage.of("m-1", "fine"),
            QueueMessage.of("m-2", "poison"),
            QueueMessage.of("m-3", "fine"));

    assertThat(failed).containsExactly("m-1", "m-2", "m-3");
  }

  @Test
  void aWholeBatchFunctionGetsTheBatchInOneCall() {
    List<String> failed =
        deliver("batch", QueueMessage.of("m-1", "a"), QueueMessage.of("m-2", "b"));

    assertThat(failed).isEmpty();
    assertThat(contexts.logs).containsExactly("INFO batch m-1", "INFO batch m-2");
  }

  @Test
  void anEmptyBatchFailsNothing() {
    assertThat(deliver("message")).isEmpty();
    assertThat(deliver("batch")).isEmpty();
  }
}
