package com.example.faults;

import io.skyhop.api.Context;
import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpTrigger;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.QueueTrigger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Functions that fail in the ways a platform must survive. */
public class Faults {
  /** Sleeps far past its 2 s timeout. */
  @Function(name = "sleepy", timeoutSeconds = 2)
  @HttpTrigger(
      path = "/sleepy",
      methods = {HttpMethod.GET})
  public String sleepy() throws InterruptedException {
    Thread.sleep(60_000);
    return "woke up";
  }

  /** Allocates until its 128 MB are gone. */
  @Function(name = "hog", memoryMb = 128)
  @HttpTrigger(
      path = "/hog",
      methods = {HttpMethod.GET})
  public int hog() {
    List<long[]> hoard = new ArrayList<>();
    while (true) {
      hoard.add(new long[128 * 1024]);
    }
  }

  /** A little work (20 ms), answering which process did it. */
  @Function(name = "work", maxConcurrency = 4)
  @HttpTrigger(
      path = "/work",
      methods = {HttpMethod.GET})
  public Map<String, Long> work() throws InterruptedException {
    Thread.sleep(20);
    return Map.of("pid", ProcessHandle.current().pid());
  }

  /** Records each delivery of a message: one line per delivery in a file named by its id. */
  @Function(
      name = "tally",
      maxConcurrency = 2,
      env = {"OUT_DIR=@@OUT_DIR@@"})
  @QueueTrigger(queue = "tally")
  public void tally(QueueMessage message, Context context) throws Exception {
    Thread.sleep(2);
    Path out = Path.of(context.env("OUT_DIR").orElseThrow()).resolve(message.id());
    Files.writeString(
        out,
        message.bodyAsString() + " " + message.deliveryCount() + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
