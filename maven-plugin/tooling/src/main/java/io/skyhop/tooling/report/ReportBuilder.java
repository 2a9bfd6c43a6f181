package io.skyhop.tooling.report;

import java.util.ArrayList;
import java.util.List;

/** Collects results, curves and notes as the report is taken. */
final class ReportBuilder {
  final List<Result> results = new ArrayList<>();
  final List<CostCurve> curves = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  final List<TracingColdStart> tracing = new ArrayList<>();

  void add(Result result) {
    results.add(result);
  }

  void add(CostCurve curve) {
    curves.add(curve);
  }

  void note(String note) {
    notes.add(note);
  }
}
