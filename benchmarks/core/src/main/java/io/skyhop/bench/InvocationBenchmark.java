package io.skyhop.bench;

import com.google.gson.Gson;
import io.skyhop.api.Context;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.core.BoundFunction;
import io.skyhop.core.FunctionFailedException;
import io.skyhop.core.FunctionRuntime;
import io.skyhop.core.InvocationContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-invocation overhead of the core: JSON in, POJO, method, POJO, JSON out, through {@link
 * BoundFunction} against the same work written by hand with Gson.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class InvocationBenchmark {
  private static final byte[] REQUEST =
      "{\"item\":\"widget\",\"quantity\":3,\"unitPrice\":2.5}".getBytes(StandardCharsets.UTF_8);

  private BoundFunction function;
  private Context context;
  private Gson gson;
  private Quotes quotes;

  /** Loads the index and binds the function once, as an execution environment does. */
  @Setup
  public void setUp() {
    function = FunctionRuntime.load(InvocationBenchmark.class.getClassLoader()).function("quote");
    context =
        InvocationContext.of("bench", "quote", "bench", Long.MAX_VALUE, message -> {}, Map.of());
    gson = new Gson();
    quotes = new Quotes();
  }

  /** What an HTTP adapter does per request: build the neutral request, invoke, take the bytes. */
  @Benchmark
  public byte[] boundFunctionHttp() {
    HttpRequest request =
        HttpRequest.builder(HttpMethod.POST, "/quote")
            .header("Content-Type", "application/json")
            .body(REQUEST)
            .build();
    return (byte[]) function.invokeHttp(request, context).body();
  }

  /** A direct invocation: JSON bytes in, JSON bytes out. */
  @Benchmark
  public byte[] boundFunctionDirect() throws FunctionFailedException {
    return function.invokeDirect(REQUEST, context);
  }

  /** The same work by hand. */
  @Benchmark
  public byte[] handWrittenGson() {
    Quotes.QuoteRequest request =
        gson.fromJson(new String(REQUEST, StandardCharsets.UTF_8), Quotes.QuoteRequest.class);
    return gson.toJson(quotes.quote(request)).getBytes(StandardCharsets.UTF_8);
  }
}
