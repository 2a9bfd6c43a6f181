package io.skyhop.core.functions;

import io.skyhop.api.AfterRestore;
import io.skyhop.api.Function;
import io.skyhop.api.HttpTrigger;
import io.skyhop.api.Prime;
import io.skyhop.api.QueueTrigger;
import java.util.ArrayList;
import java.util.List;

/** A class with both lifecycle hooks: what they did is what its functions answer. */
public class Primed {
  private final List<String> log = new ArrayList<>();
  private String catalog = "empty";

  @Prime
  public void warm() {
    log.add("prime");
    catalog = "loaded";
  }

  @AfterRestore
  public void reseed() {
    log.add("restore");
  }

  @Function(minInstances = 2)
  @HttpTrigger(path = "/primed")
  public synchronized String primed() {
    log.add("call");
    return catalog + " " + String.join(",", log);
  }

  @Function
  @QueueTrigger(queue = "primed")
  public synchronized String primedMessage(String ignored) {
    log.add("message");
    return catalog + " " + String.join(",", log);
  }
}
