package io.skyhop.tooling.deploy;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ErrorLines;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.promote.Promotion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code skyhop:deploy -Dskyhop.targets=aws,gcp,azure}: deploys to several targets in one run, each
 * on a thread of its own whose context class loader is its provider's, every line it prints
 * prefixed with its target. A target that fails stops none of the others: when all have ended the
 * summary lists each target in the order given (its functions' URLs and its record, or its first
 * error line), and a {@link MultiDeployException} names every target that failed.
 */
public final class MultiDeployment {
  /** The setting that lists the targets. */
  public static final String TARGETS = "skyhop.targets";

  private final BuildListener listener;

  /** A multi-target deploy reporting to {@code listener}. */
  public MultiDeployment(BuildListener listener) {
    this.listener = listener;
  }

  /** One target's deploy, printing through the listener it is given. */
  public interface TargetDeploy {
    /** Deploys; any exception fails this target only. */
    DeployResult run(BuildListener listener) throws Exception;
  }

  /**
   * The deploy of one target.
   *
   * @param target the target
   * @param loader the class loader its provider runs in: the thread's context class loader
   * @param record the deploy record it writes (empty in a dry run)
   * @param work the deploy
   */
  public record Job(Target target, ClassLoader loader, Optional<Path> record, TargetDeploy work) {
    /**
     * {@link Deployment#deployVerified} of {@code request} through {@code provider}, in the
     * provider's class loader.
     */
    public static Job of(
        TargetProvider provider, DeployRequest request, Optional<Promotion> promotion) {
      return new Job(
          provider.target(),
          provider.getClass().getClassLoader(),
          request.dryRun() ? Optional.empty() : Optional.of(request.recordFile()),
          listener -> new Deployment(listener).deployVerified(provider, request, promotion));
    }

    /** A target that failed before its deploy could start (e.g. its package did not resolve). */
    public static Job failed(Target target, Exception failure) {
      return new Job(
          target,
          MultiDeployment.class.getClassLoader(),
          Optional.empty(),
          listener -> {
            throw failure;
          });
    }
  }

  /**
   * What became of one target.
   *
   * @param target the target
   * @param result what it deployed, when it succeeded
   * @param failure why it failed, otherwise
   */
  public record Outcome(Target target, Optional<DeployResult> result, Optional<Throwable> failure) {
    /** The first line of the failure's message (its type when it has none). */
    public String firstErrorLine() {
      return failure.map(ErrorLines::first).orElse("");
    }
  }

  /**
   * Deploys every job at once and waits for all of them.
   *
   * @return each target's outcome, in the order of {@code jobs}
   * @throws MultiDeployException when one target or more failed, after every target has ended
   */
  public List<Outcome> deploy(List<Job> jobs) throws InterruptedException {
    List<String> ids = jobs.stream().map(j -> j.target().id()).toList();
    int width = ids.stream().mapToInt(String::length).max().orElse(0);
    listener.info(
        "Deploying to " + String.join(", ", ids) + " at once (" + TARGETS + "), lines prefixed");
    ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, jobs.size()), threads());
    List<Outcome> outcomes = new ArrayList<>();
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Job job : jobs) {
        futures.add(executor.submit(() -> run(job, width)));
      }
      for (int i = 0; i < jobs.size(); i++) {
        try {
          outcomes.add(futures.get(i).get());
        } catch (ExecutionException e) {
          outcomes.add(new Outcome(jobs.get(i).target(), Optional.empty(), Optional.of(e)));
        }
      }
    } finally {
      executor.shutdownNow();
    }
    summary(jobs, outcomes, width);
    if (outcomes.stream().anyMatch(o -> o.failure().isPresent())) {
      throw new MultiDeployException(outcomes);
    }
    return outcomes;
  }

  private Outcome run(Job job, int width) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(job.loader());
    BuildListener prefixed = new PrefixedListener(listener, job.target().id(), width);
    try {
      return new Outcome(job.target(), Optional.of(job.work().run(prefixed)), Optional.empty());
    } catch (Exception | LinkageError e) {
      prefixed.warn("failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return new Outcome(job.target(), Optional.empty(), Optional.of(e));
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private void summary(List<Job> jobs, List<Outcome> outcomes, int width) {
    String column = "  %-" + width + "s  %-8s  %s";
    listener.info("Deploy summary (" + TARGETS + "):");
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.get(i);
      String id = o.target().id();
      if (o.result().isEmpty()) {
        listener.info(String.format(column, id, "FAILED", o.firstErrorLine()));
        continue;
      }
      List<DeployResult.Function> functions = o.result().get().functions();
      String recorded =
          jobs.get(i).record().map(r -> ", recorded in " + r).orElse(" (dry run, not recorded)");
      listener.info(
          String.format(
              column,
              id,
              jobs.get(i).record().isPresent() ? "deployed" : "planned",
              functions.size() + " functions" + recorded));
      for (DeployResult.Function f : functions) {
        listener.info(String.format(column, "", "", f.name() + "  " + f.endpoint()));
      }
    }
  }

  private static java.util.concurrent.ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "skyhop-deploy-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
