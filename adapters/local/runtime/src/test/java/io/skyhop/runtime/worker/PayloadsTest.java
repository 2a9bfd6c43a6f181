package io.skyhop.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.ScheduledEvent;
import io.skyhop.api.StorageEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadsTest {
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final DataOutputStream out = new DataOutputStream(buffer);

  private DataInputStream in() {
    return new DataInputStream(new ByteArrayInputStream(buffer.toByteArray()));
  }

  @Test
  void httpRequestsSurviveTheTrip() throws IOException {
    HttpRequest request =
        HttpRequest.builder(HttpMethod.PATCH, "/orders/a%20b")
            .query("q", "1")
            .query("q", "two words")
            .header("X-Many", "a")
            .header("x-many", "b")
            .cookie("session", "s1")
            .body("héllo")
            .build();
    Payloads.invocation(out, "req-1", 1234L, Frames.KIND_HTTP);
    Payloads.write(out, request);
    DataInputStream in = in();
    assertThat(Frames.next(in)).isEqualTo(Frames.INVOKE);
    assertThat(Frames.string(in)).isEqualTo("req-1");
    assertThat(in.readLong()).isEqualTo(1234L);
    assertThat(in.readByte()).isEqualTo(Frames.KIND_HTTP);
    HttpRequest read = Payloads.readHttp(in);
    assertThat(read.method()).isEqualTo(HttpMethod.PATCH);
    assertThat(read.path()).isEqualTo("/orders/a%20b");
    assertThat(read.queryParams("q")).containsExactly("1", "two words");
    assertThat(read.headers("X-MANY")).containsExactly("a", "b");
    assertThat(read.cookie("session")).hasValue("s1");
    assertThat(read.bodyAsString()).isEqualTo("héllo");
    assertThat(Frames.next(in)).isEqualTo(-1);
  }

  @Test
  void eventsSurviveTheTrip() throws IOException {
    Payloads.write(out, new QueueMessage("m-1", new byte[] {1, 2}, Map.of("k", "v"), 3));
    Payloads.write(
        out, new ScheduledEvent(Instant.ofEpochMilli(5000), "0 3 * * *", "Europe/Paris"));
    Payloads.write(out, new StorageEvent("b", "dir/k.txt", 42, StorageEvent.Type.CREATED, null));
    DataInputStream in = in();
    QueueMessage m = Payloads.readQueue(in);
    assertThat(List.of(m.id(), m.attributes(), m.deliveryCount()))
        .containsExactly("m-1", Map.of("k", "v"), 3);
    assertThat(m.body()).containsExactly(1, 2);
    ScheduledEvent s = Payloads.readSchedule(in);
    assertThat(s.toString())
        .isEqualTo("ScheduledEvent[1970-01-01T00:00:05Z, 0 3 * * * Europe/Paris]");
    StorageEvent e = Payloads.readStorage(in);
    assertThat(e.toString()).isEqualTo("StorageEvent[CREATED b/dir/k.txt, 42 bytes]");
    assertThat(e.eTag()).isEmpty();
  }

  @Test
  void garbageOnTheStreamIsAProtocolError() {
    DataInputStream in =
        new DataInputStream(
            new ByteArrayInputStream("Terminating due to java.lang.OutOfMemoryError".getBytes()));
    assertThatThrownBy(() -> Frames.next(in))
        .isInstanceOf(Frames.ProtocolException.class)
        .hasMessage("Worker protocol violated: unexpected byte 0x54");
  }
}
