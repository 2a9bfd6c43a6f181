package io.skyhop.tooling.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MultiDeploymentTest {
  private static final Target ONE = Target.named("one");
  private static final Target TWO = Target.named("second");
  private static final Target THREE = Target.named("three");

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final MultiDeployment multi = new MultiDeployment(BuildListener.collecting(log));

  @Test
  void aFailingTargetStopsNoneAndTheBuildFailsNamingItWithItsFirstErrorLine() throws Exception {
    CountDownLatch secondEnded = new CountDownLatch(1);
    ClassLoader loaderOne = loader("one");
    ClassLoader loaderThree = loader("three");
    List<ClassLoader> seen = Collections.synchronizedList(new ArrayList<>());
    List<MultiDeployment.Job> jobs =
        List.of(
            new MultiDeployment.Job(
                ONE,
                loaderOne,
                Optional.of(Path.of("target/skyhop/deploy-one.json")),
                listener -> {
                  // runs beside the others: it ends only after the second target's failure is
                  // printed (the deploy prints it once the job has thrown, so wait for the line)
                  assertThat(secondEnded.await(10, TimeUnit.SECONDS)).isTrue();
                  long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                  while (log.stream().noneMatch(l -> l.startsWith("WARNING [second] failed"))
                      && System.nanoTime() < until) {
                    Thread.sleep(5);
                  }
                  seen.add(Thread.currentThread().getContextClassLoader());
                  listener.info("created   get   https://one.example/get");
                  listener.warn("memory rounded\nto 512 MB");
                  return result("one", "get", "https://one.example/get");
                }),
            new MultiDeployment.Job(
                TWO,
                loader("second"),
                Optional.of(Path.of("target/skyhop/deploy-second.json")),
                listener -> {
                  try {
                    listener.info("creating get");
                    throw new IllegalStateException(
                        "403 Forbidden: AuthorizationFailed\n(request id 42)");
                  } finally {
                    secondEnded.countDown();
                  }
                }),
            new MultiDeployment.Job(
                THREE,
                loaderThree,
                Optional.of(Path.of("target/skyhop/deploy-three.json")),
                listener -> {
                  seen.add(Thread.currentThread().getContextClassLoader());
                  return result("three", "nightly", "cron 0 3 * * *");
                }));

    assertThatThrownBy(() -> multi.deploy(jobs))
        .isInstanceOfSatisfying(
            MultiDeployException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "skyhop:deploy failed on second (1 of 3 targets of skyhop.targets):\n"
                          + "  second: 403 Forbidden: AuthorizationFailed\n"
                          + "Deployed: one, three (URLs and records above). Fix: correct what"
                          + " failed, then deploy the failed targets again with"
                          + " -Dskyhop.targets=second");
              assertThat(e.outcomes())
                  .extracting(o -> o.target().id())
                  .containsExactly("one", "second", "three");
            });

    assertThat(seen).containsExactlyInAnyOrder(loaderOne, loaderThree);
    assertThat(log.get(0))
        .isEqualTo("Deploying to one, second, three at once (skyhop.targets), lines prefixed");
    // each target's lines in its own order, prefixed and aligned
    assertThat(log.stream().filter(l -> l.contains("[one]")))
        .containsExactly(
            "[one]    created   get   https://one.example/get",
            "WARNING [one]    memory rounded",
            "WARNING [one]    to 512 MB");
    assertThat(log.stream().filter(l -> l.contains("[second]")))
        .containsExactly(
            "[second] creating get",
            "WARNING [second] failed: 403 Forbidden: AuthorizationFailed",
            "WARNING [second] (request id 42)");
    assertThat(log.indexOf("WARNING [second] failed: 403 Forbidden: AuthorizationFailed"))
        .isLessThan(log.indexOf("[one]    created   get   https://one.example/get"));
    // the summary in the order given, after every target ended, whatever the order they ended in
    assertThat(log.subList(log.indexOf("Deploy summary (skyhop.targets):"), log.size()))
        .containsExactly(
            "Deploy summary (skyhop.targets):",
            "  one     deployed  1 functions, recorded in target/skyhop/deploy-one.json",
            "                    get  https://one.example/get",
            "  second  FAILED    403 Forbidden: AuthorizationFailed",
            "  three   deployed  1 functions, recorded in target/skyhop/deploy-three.json",
            "                    nightly  cron 0 3 * * *");
  }

  @Test
  void everyFailureIsNamedAndAnErrorWithoutMessageByItsType() {
    List<MultiDeployment.Job> jobs =
        List.of(
            MultiDeployment.Job.failed(
                ONE,
                new ConfigurationException(
                    "skyhop.artifact", "g:a:1", "has no skyhop-one package. Fix: package it")),
            new MultiDeployment.Job(
                TWO,
                loader("second"),
                Optional.empty(),
                listener -> {
                  throw new NullPointerException();
                }));

    assertThatThrownBy(() -> multi.deploy(jobs))
        .hasMessage(
            "skyhop:deploy failed on one, second (2 of 2 targets of skyhop.targets):\n"
                + "  one: skyhop.artifact = 'g:a:1' has no skyhop-one package. Fix: package it\n"
                + "  second: NullPointerException\n"
                + "Deployed: none. Fix: correct what failed, then deploy the failed targets again"
                + " with -Dskyhop.targets=one,second");
  }

  @Test
  void aDryRunOfEveryTargetIsPlannedNotRecordedAndPasses() throws Exception {
    List<MultiDeployment.Outcome> outcomes =
        multi.deploy(
            List.of(
                new MultiDeployment.Job(
                    ONE, loader("one"), Optional.empty(), l -> result("one", "get", "GET /get")),
                new MultiDeployment.Job(
                    THREE, loader("three"), Optional.empty(), l -> result("three", "get", "x"))));

    assertThat(outcomes).allMatch(o -> o.result().isPresent() && o.failure().isEmpty());
    assertThat(log.subList(log.indexOf("Deploy summary (skyhop.targets):"), log.size()))
        .containsExactly(
            "Deploy summary (skyhop.targets):",
            "  one    planned   1 functions (dry run, not recorded)",
            "                   get  GET /get",
            "  three  planned   1 functions (dry run, not recorded)",
            "                   get  x");
  }

  private static DeployResult result(String target, String function, String endpoint) {
    return new DeployResult(
        target,
        "orders",
        List.of(
            new DeployResult.Function(
                function, "orders-" + function, DeployResult.Action.CREATED, endpoint, Map.of())),
        Map.of());
  }

  private static ClassLoader loader(String name) {
    return new URLClassLoader(
        "provider-" + name, new URL[0], MultiDeploymentTest.class.getClassLoader());
  }
}
