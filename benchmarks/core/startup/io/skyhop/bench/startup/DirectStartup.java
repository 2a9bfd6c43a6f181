package io.skyhop.bench.startup;

import com.example.hello.Hello;
import com.google.gson.Gson;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

/**
 * The same work written by hand, in a fresh JVM: construct the class, call the method, write the
 * result with Gson. Prints the elapsed wall and main-thread CPU time in microseconds, then the body.
 */
public final class DirectStartup {
  private DirectStartup() {}

  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean(); // loaded before the clock starts
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    HttpRequest request = HttpRequest.builder(HttpMethod.GET, "/hello").query("name", "Ada").build();
    Hello.Greeting greeting = new Hello().hello(request);
    byte[] body = new Gson().toJson(greeting).getBytes(StandardCharsets.UTF_8);
    long micros = (System.nanoTime() - start) / 1000;
    long cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1000;
    System.out.println(micros + " " + cpuMicros);
    System.out.println(new String(body, StandardCharsets.UTF_8));
  }
}
