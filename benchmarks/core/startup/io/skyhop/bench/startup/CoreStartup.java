package io.skyhop.bench.startup;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.core.FunctionRuntime;
import io.skyhop.core.InvocationContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Core initialisation plus the first invocation of the hello example, in a fresh JVM: reads the
 * index, binds the function, creates the instance, serves one request. Prints the elapsed wall and
 * main-thread CPU time in microseconds, then the body (so the work cannot be skipped).
 */
public final class CoreStartup {
  private CoreStartup() {}

  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean(); // loaded before the clock starts
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    FunctionRuntime runtime = FunctionRuntime.load(CoreStartup.class.getClassLoader());
    HttpRequest request = HttpRequest.builder(HttpMethod.GET, "/hello").query("name", "Ada").build();
    HttpResponse response =
        runtime
            .function("hello")
            .invokeHttp(
                request,
                InvocationContext.of(
                    "r-1", "hello", "bench", System.currentTimeMillis() + 5000, m -> {}, Map.of()));
    byte[] body = (byte[]) response.body();
    long micros = (System.nanoTime() - start) / 1000;
    long cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1000;
    System.out.println(micros + " " + cpuMicros);
    System.out.println(new String(body, StandardCharsets.UTF_8));
  }
}
