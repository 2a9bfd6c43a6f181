package io.skyhop.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.api.QueueMessage;
import io.skyhop.api.StorageEvent;
import io.skyhop.core.UnknownFunctionException;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schedule, queue and storage calls return what the function returned or throw what it threw. */
class SkyhopEventsTest {
  private final Skyhop skyhop = Skyhop.load();

  @Test
  void scheduleRunsForTheNextDueTimeOfTheCronInItsZone() {
    Object result = skyhop.schedule("inventory");

    assertThat(result).isEqualTo("counted 1");
    String log = skyhop.logs().get(0);
    assertThat(log).startsWith("INFO inventory ").endsWith(" Europe/Berlin");
    Instant due = Instant.parse(log.split(" ")[2]);
    ZonedDateTime local = due.atZone(ZoneId.of("Europe/Berlin"));
    assertThat(due).isAfter(Instant.now());
    assertThat(local.getMinute()).isEqualTo(30);
    assertThat(local.getHour()).isIn(2, 3); // 03:00 on the spring-forward day
  }

  @Test
  void scheduleAtAGivenTime() {
    skyhop.schedule("inventory", Instant.parse("2024-05-01T00:30:00Z"));

    assertThat(skyhop.logs()).containsExactly("INFO inventory 2024-05-01T00:30:00Z Europe/Berlin");
  }

  @Test
  void queueBindsTheBodyAndReturnsTheResult() {
    assertThat(skyhop.queue("on-return", "{\"isbn\":\"111\",\"title\":\"Dune\",\"copies\":2}"))
        .isEqualTo(2);
    assertThat(skyhop.logs()).containsExactly("INFO returned 111 env=-");
  }

  @Test
  void extraEnvironmentReachesTheContext() {
    skyhop.withEnv("SHELF", "B3").queue("on-return", "{\"isbn\":\"1\",\"copies\":1}");

    assertThat(skyhop.logs()).containsExactly("INFO returned 1 env=B3");
  }

  @Test
  void queueThrowsTheFunctionsOwnException() {
    assertThatThrownBy(() -> skyhop.queue("on-return", "{\"isbn\":\"7\",\"copies\":0}"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("nothing returned for 7");
  }

  @Test
  void queueThrowsCheckedExceptionsAsTheyAre() {
    assertThatThrownBy(() -> skyhop.queue("audit", QueueMessage.of("a-1", " ")))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("empty audit record a-1");
  }

  @Test
  void queueBatchReportsTheFailedMessagesAsATargetWould() {
    List<String> failed =
        skyhop.queueBatch(
            "on-return",
            List.of(
                QueueMessage.of("m-1", "{\"isbn\":\"1\",\"copies\":1}"),
                QueueMessage.of("m-2", "{\"isbn\":\"2\",\"copies\":0}"),
                QueueMessage.of("m-3", "not json")));

    assertThat(failed).containsExactly("m-2", "m-3");
    assertThat(skyhop.logs()).first().isEqualTo("INFO returned 1 env=-");
  }

  @Test
  void storageDeliversTheEvent() {
    StorageEvent event =
        new StorageEvent("covers", "dune.jpg", 2048, StorageEvent.Type.CREATED, null);

    assertThat(skyhop.storage("on-cover", event)).isEqualTo("dune.jpg 2048");
  }

  @Test
  void storageRefusesAnEventNoTargetWouldDeliver() {
    StorageEvent deleted =
        new StorageEvent("covers", "dune.jpg", 0, StorageEvent.Type.DELETED, null);

    assertThatThrownBy(() -> skyhop.storage("on-cover", deleted))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Function 'on-cover' listens to [CREATED] in bucket 'covers'; no target would deliver"
                + " StorageEvent[DELETED covers/dune.jpg, 0 bytes] to it. Fix: send an event of"
                + " that bucket and type.");
  }

  @Test
  void callingAFunctionThroughTheWrongTriggerNamesTheRightCall() {
    assertThatThrownBy(() -> skyhop.queue("get", "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Function 'get' has an HTTP trigger, so queue(...) cannot call it. Fix: call it with"
                + " http(request), get(path) or post(path, json).");
    assertThatThrownBy(() -> skyhop.schedule("on-cover"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Function 'on-cover' has a storage trigger, so schedule(...) cannot call it. Fix: call"
                + " it with storage(name, event).");
  }

  @Test
  void anUnknownFunctionListsTheKnownOnes() {
    assertThatThrownBy(() -> skyhop.schedule("stocktake"))
        .isInstanceOf(UnknownFunctionException.class)
        .hasMessageStartingWith("No function named 'stocktake' in this package; it holds [");
  }
}
