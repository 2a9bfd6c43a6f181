package io.skyhop.tooling.lab;

import io.skyhop.tooling.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the lab measured for one function on one target: its cold starts, the warm invocations of
 * its burst, the peak memory of its instances, and the failures met on the way.
 */
public final class Measurement {
  private final Target target;
  private final String label;
  private final LabFunction function;
  private final List<ColdStart> coldStarts = new ArrayList<>();
  private final List<Invocation> warm = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private long peakMemoryKb = -1;

  /** An empty measurement. */
  public Measurement(Target target, String label, LabFunction function) {
    this.target = target;
    this.label = label;
    this.function = function;
  }

  /** The target. */
  public Target target() {
    return target;
  }

  /** How reports name the target's local figures. */
  public String label() {
    return label;
  }

  /** The function. */
  public LabFunction function() {
    return function;
  }

  /** The cold starts, in the order taken. */
  public List<ColdStart> coldStarts() {
    return List.copyOf(coldStarts);
  }

  /** The warm invocations, in the order taken. */
  public List<Invocation> warm() {
    return List.copyOf(warm);
  }

  /** What went wrong, one message per failed sample. */
  public List<String> failures() {
    return List.copyOf(failures);
  }

  /** The highest peak resident memory of the function's instances, in kB. */
  public OptionalLong peakMemoryKb() {
    return peakMemoryKb < 0 ? OptionalLong.empty() : OptionalLong.of(peakMemoryKb);
  }

  void addColdStart(ColdStart cold) {
    coldStarts.add(cold);
  }

  void addWarm(Invocation invocation) {
    warm.add(invocation);
  }

  void addFailure(String message) {
    failures.add(message);
  }

  void peakMemory(OptionalLong kb) {
    kb.ifPresent(k -> peakMemoryKb = Math.max(peakMemoryKb, k));
  }
}
