package io.skyhop.it.azure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Microsoft's Azurite (npm {@code azurite} 3.37.0, run with {@code npx};
 * reference/emulators-here.md) serving blobs and queues in memory for the storage accounts a test
 * names, each with Azurite's published development key. The first run downloads the package into
 * npm's cache.
 */
public final class Azurite implements AutoCloseable {
  /** The version this repository tests against. */
  public static final String VERSION = "3.37.0";

  /** Azurite's published development account key (Microsoft's Azurite docs), not a secret. */
  public static final String KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private final Process process;
  private final int blobPort;
  private final int queuePort;

  private Azurite(Process process, int blobPort, int queuePort) {
    this.process = process;
    this.blobPort = blobPort;
    this.queuePort = queuePort;
  }

  /** Starts Azurite with {@code accounts} (each with {@link #KEY}) and waits for its ports. */
  public static Azurite start(Path workDir, List<String> accounts) throws IOException {
    int blob = freePort();
    int queue = freePort();
    int table = freePort();
    Files.createDirectories(workDir);
    Path log = workDir.resolve("azurite.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                "npx",
                "--yes",
                "azurite@" + VERSION,
                "--inMemoryPersistence",
                "--skipApiVersionCheck",
                "--blobHost",
                "127.0.0.1",
                "--queueHost",
                "127.0.0.1",
                "--tableHost",
                "127.0.0.1",
                "--blobPort",
                Integer.toString(blob),
                "--queuePort",
                Integer.toString(queue),
                "--tablePort",
                Integer.toString(table)));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    StringBuilder list = new StringBuilder();
    for (String a : accounts) {
      list.append(list.length() == 0 ? "" : ";").append(a).append(':').append(KEY);
    }
    pb.environment().put("AZURITE_ACCOUNTS", list.toString());
    Azurite azurite = new Azurite(pb.start(), blob, queue);
    azurite.await(Duration.ofSeconds(120), log);
    return azurite;
  }

  private void await(Duration budget, Path log) throws IOException {
    Instant end = Instant.now().plus(budget);
    while (Instant.now().isBefore(end)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Azurite exited: " + Files.readString(log));
      }
      if (open(blobPort) && open(queuePort)) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException(
        "Azurite did not listen in " + budget + ": " + Files.readString(log));
  }

  private static boolean open(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The blob service URL template, {@code {account}} standing for the account (path style). */
  public String blobEndpoint() {
    return "http://127.0.0.1:" + blobPort + "/{account}";
  }

  /** The queue service URL template. */
  public String queueEndpoint() {
    return "http://127.0.0.1:" + queuePort + "/{account}";
  }

  @Override
  public void close() {
    // npx starts node as a child: end the whole tree this process started
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }
}
