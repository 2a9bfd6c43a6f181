package io.skyhop.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link WorkerStream#trySend}, the write a thread that must not block (Jetty's selector) makes: it
 * stops at {@value WorkerStream#ROOM_BYTES} bytes left unanswered, long before a worker that reads
 * nothing fills its pipe (64 KiB), so it never blocks.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS) // a write that blocks fails the test, not the build
class WorkerStreamTest {
  @Test
  void aWriterThatMustNotBlockStopsWhileTheWorkersPipeStillHasRoom() throws Exception {
    Process deaf = new ProcessBuilder("sleep", "60").start(); // never reads its stdin
    try {
      WorkerStream stream = new WorkerStream(deaf, null, "deaf");
      Payload call =
          new Payload.Http(
              HttpRequest.builder(HttpMethod.GET, "/x").header("X-Pad", "a".repeat(8000)).build());
      long deadline = System.currentTimeMillis() + 60_000;
      int sent = 0;
      while (stream.trySend("r" + sent, "f", deadline, call) != null) {
        sent++;
        assertThat(sent).as("trySend never refused").isLessThan(8);
      }
      assertThat(sent)
          .as("three frames of about 8 KB: 0, 8 and 16 KB unanswered before each; 24 KB after")
          .isEqualTo(3);
      assertThat(stream.trySend("again", "f", deadline, call)).isNull();
    } finally {
      deaf.destroyForcibly();
    }
  }
}
