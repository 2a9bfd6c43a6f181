package io.skyhop.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.QueueMessage;
import org.junit.jupiter.api.Test;

/**
 * The {@code @Prime} method runs exactly once per runtime (execution environment), on the instance
 * that serves, before its first request, whether the target primes at start or the first request
 * creates the instance; {@code @AfterRestore} runs only when a target restores a snapshot.
 */
class PrimingTest {
  private final TestContexts contexts = new TestContexts();

  private String call(FunctionRuntime runtime) {
    return runtime
        .function("primed")
        .invokeHttp(
            HttpRequest.builder(HttpMethod.GET, "/primed").build(), contexts.forFunction("primed"))
        .bodyAsString();
  }

  @Test
  void aTargetPrimesOnceBeforeTheFirstRequestWhichSeesTheWork() throws Exception {
    FunctionRuntime runtime = FunctionRuntime.load(getClass().getClassLoader());

    runtime.prime("primed");
    runtime.prime("primed-message");

    assertThat(call(runtime)).isEqualTo("loaded prime,call");
    assertThat(
            runtime
                .function("primed-message")
                .invokeQueue(QueueMessage.of("m", "x"), contexts.forFunction("primed-message")))
        .isEqualTo("loaded prime,call,message");
  }

  @Test
  void withoutAStartHookTheFirstRequestPrimesFirst() {
    FunctionRuntime runtime = FunctionRuntime.load(getClass().getClassLoader());

    assertThat(call(runtime)).isEqualTo("loaded prime,call");
    assertThat(call(runtime)).isEqualTo("loaded prime,call,call");
  }

  @Test
  void afterRestoreRunsOnThePrimedInstanceBeforeTheFirstRequest() throws Exception {
    FunctionRuntime runtime = FunctionRuntime.load(getClass().getClassLoader());

    runtime.afterRestore("primed"); // no instance yet: nothing to restore
    runtime.prime("primed");
    runtime.afterRestore("primed");

    assertThat(call(runtime)).isEqualTo("loaded prime,restore,call");
  }

  @Test
  void eachEnvironmentPrimesItsOwnInstance() throws Exception {
    FunctionRuntime first = FunctionRuntime.load(getClass().getClassLoader());
    FunctionRuntime second = FunctionRuntime.load(getClass().getClassLoader());
    first.prime("primed");

    assertThat(call(second)).isEqualTo("loaded prime,call");
  }

  @Test
  void theIndexRecordsTheHooksAndLevers() {
    FunctionIndex index = FunctionRuntime.load(getClass().getClassLoader()).index();

    assertThat(index.hooks())
        .containsEntry(
            "io.skyhop.core.functions.Primed",
            new ClassHooks("io.skyhop.core.functions.Primed", "warm", "reseed"));
    assertThat(index.levers("primed")).isEqualTo(new Levers(false, 2));
    assertThat(index.levers("primed-message")).isEqualTo(Levers.NONE);
  }
}
