package com.example.primed;

import io.skyhop.api.AfterRestore;
import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpTrigger;
import io.skyhop.api.Prime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Primes a catalog once per execution environment; each answer says what the environment did so
 * far: the items the prime loaded, how many times this JVM primed, and the hooks and requests seen
 * by the instance that serves, in order.
 */
public class Catalog {
  private static final AtomicInteger PRIMES_IN_THIS_JVM = new AtomicInteger();

  private final List<String> seen = new ArrayList<>();
  private String items = "none";

  @Prime
  public void load() {
    PRIMES_IN_THIS_JVM.incrementAndGet();
    seen.add("prime");
    items = "apple,pear";
  }

  @AfterRestore
  public void reseed() {
    seen.add("restore");
  }

  @Function
  @HttpTrigger(path = "/items", methods = {HttpMethod.GET})
  public synchronized String items() {
    seen.add("request");
    return items + " primes=" + PRIMES_IN_THIS_JVM.get() + " " + String.join(",", seen);
  }
}
