package io.skyhop.runtime.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableQueueTest {
  @TempDir Path dir;

  @Test
  void messagesStayOnDiskUntilAcknowledged() throws Exception {
    DurableQueue q = DurableQueue.open("q", dir);
    StoredMessage a = q.enqueue("a".getBytes(StandardCharsets.UTF_8), Map.of("k", "v"));
    StoredMessage b = q.enqueue("b".getBytes(StandardCharsets.UTF_8), Map.of());
    StoredMessage taken = q.take(System.currentTimeMillis());
    assertThat(taken.id()).isEqualTo(a.id());
    assertThat(new String(q.body(taken), StandardCharsets.UTF_8)).isEqualTo("a");
    q.ack(taken);
    q.take(System.currentTimeMillis());

    DurableQueue reopened = DurableQueue.open("q", dir);
    assertThat(reopened.stats()).isEqualTo(new DurableQueue.Stats(1, 0, 0, 0));
    StoredMessage again = reopened.take(System.currentTimeMillis());
    assertThat(again.id()).isEqualTo(b.id());
    StoredMessage c = reopened.enqueue(new byte[0], Map.of());
    assertThat(c.seq()).isGreaterThan(b.seq());
  }

  @Test
  void failuresBackOffThenBecomeDeadLetters() throws Exception {
    DurableQueue q = DurableQueue.open("q", dir);
    q.enqueue("x".getBytes(StandardCharsets.UTF_8), Map.of());
    long now = System.currentTimeMillis();
    StoredMessage m = q.take(now);
    assertThat(q.nack(m, "boom 1", 2, 60_000)).isFalse();
    assertThat(q.take(now)).isNull();
    assertThat(q.stats()).isEqualTo(new DurableQueue.Stats(0, 1, 0, 0));
    StoredMessage retry = q.take(now + 61_000);
    assertThat(retry.attempts()).isEqualTo(1);
    assertThat(retry.lastError()).isEqualTo("boom 1");
    assertThat(q.nack(retry, "boom 2", 2, 0)).isTrue();
    assertThat(q.stats()).isEqualTo(new DurableQueue.Stats(0, 0, 0, 1));
    assertThat(q.describe(10).toString()).contains("attempts=2", "lastError=boom 2", "body=x");
    assertThat(DurableQueue.open("q", dir).stats()).isEqualTo(new DurableQueue.Stats(0, 0, 0, 1));
  }

  @Test
  void halfWrittenFilesFromACrashAreIgnored() throws Exception {
    DurableQueue q = DurableQueue.open("q", dir);
    q.enqueue("x".getBytes(StandardCharsets.UTF_8), Map.of());
    Files.writeString(dir.resolve("ready").resolve("0000000000000000009.msg.tmp"), "partial");
    DurableQueue reopened = DurableQueue.open("q", dir);
    assertThat(reopened.stats().ready()).isEqualTo(1);
    assertThat(Files.exists(dir.resolve("ready").resolve("0000000000000000009.msg.tmp"))).isFalse();
  }
}
