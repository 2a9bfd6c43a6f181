package io.skyhop.tooling.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client does without a runtime; against a real runtime it is tested in LocalRuntimeIT.
 */
class LocalRuntimeClientTest {
  @TempDir Path tmp;

  @Test
  void healthIsEmptyWhenNothingAnswers() throws IOException {
    LocalRuntimeClient client =
        new LocalRuntimeClient(URI.create("http://127.0.0.1:" + freePort()), "t");
    assertThat(client.health()).isEmpty();
  }

  @Test
  void callsWhenNothingAnswersNameTheUrlAndTheFix() throws IOException {
    int port = freePort();
    LocalRuntimeClient client =
        new LocalRuntimeClient(URI.create("http://127.0.0.1:" + port + "/"), "t");
    assertThatThrownBy(client::list)
        .isInstanceOf(LocalRuntimeException.class)
        .hasMessage(
            "Nothing answers at http://127.0.0.1:"
                + port
                + " (ConnectException). Fix: start the runtime (java -jar skyhop-runtime.jar --port "
                + port
                + ") or set skyhop.local.url to where it runs");
  }

  @Test
  void aMissingBundleNamesThePackageGoal() {
    LocalRuntimeClient client = new LocalRuntimeClient(LocalRuntimeClient.DEFAULT_URL, "t");
    Path missing = tmp.resolve("target/skyhop/local/shop.zip");
    assertThatThrownBy(() -> client.deploy("shop", missing))
        .hasMessage(
            "No bundle at " + missing + ". Fix: run skyhop:package with local in skyhop.targets");
  }

  @Test
  void readsTheTokenOfADataDirectory() throws IOException {
    Files.writeString(tmp.resolve("admin-token"), "abc123\n");
    assertThat(LocalRuntimeClient.readToken(tmp)).isEqualTo("abc123");
    Path empty = tmp.resolve("empty");
    assertThatThrownBy(() -> LocalRuntimeClient.readToken(empty))
        .isInstanceOf(LocalRuntimeException.class)
        .hasMessage(
            "No admin token at "
                + empty.resolve("admin-token")
                + ": the runtime creates it at its first start. Fix: start the runtime with --data "
                + empty
                + ", or set skyhop.local.token");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
