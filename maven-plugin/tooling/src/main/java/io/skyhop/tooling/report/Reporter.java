package io.skyhop.tooling.report;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProviders;
import io.skyhop.tooling.cost.CostModel;
import io.skyhop.tooling.cost.PriceTable;
import io.skyhop.tooling.lab.Harness;
import io.skyhop.tooling.lab.Lab;
import io.skyhop.tooling.lab.LabContext;
import io.skyhop.tooling.lab.LabFunction;
import io.skyhop.tooling.lab.Measurement;
import io.skyhop.tooling.lab.Samples;
import io.skyhop.tooling.lab.TracingLab;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import io.skyhop.tooling.pack.Portability;
import io.skyhop.tooling.promote.ArtifactCoordinates;
import io.skyhop.tooling.report.provider.Pause;
import io.skyhop.tooling.report.provider.ProviderClients;
import io.skyhop.tooling.report.provider.ProviderMeasurementException;
import io.skyhop.tooling.report.provider.ProviderMeasurements;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code skyhop:report}: measures every function on every target in the local lab (or prices a
 * what-if profile), adds provider measurements after a deploy when {@code skyhop.measure} asks,
 * prices everything, and writes {@code report.json}, {@code report.md} and {@code report.html}
 * under {@code target/skyhop/}, printing the table to the build log.
 */
public final class Reporter {
  /** The longest an instance may take to start and answer its first invocation. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final BuildListener listener;
  private final Supplier<ProviderClients> clients;
  private final Pause pause;

  /**
   * A reporter printing progress through {@code listener}; provider clients use each provider's
   * standard credential chain.
   */
  public Reporter(BuildListener listener) {
    this(listener, ProviderClients::standard, Pause.sleeping());
  }

  /**
   * A reporter with its own provider clients and pause between provider polls (tests).
   *
   * @param clients creates the provider clients of {@code skyhop.measure}, when it is set
   */
  public Reporter(BuildListener listener, Supplier<ProviderClients> clients, Pause pause) {
    this.listener = listener;
    this.clients = clients;
    this.pause = pause;
  }

  /** Takes the report and writes its files. */
  public Report run(ReportRequest request) throws IOException {
    ReportSettings settings = request.settings();
    PriceTable table = settings.prices().map(PriceTable::load).orElseGet(PriceTable::builtIn);
    BigDecimal server = settings.serverUsdPerMonth().orElse(table.defaultServer().usdPerMonth());
    String serverName =
        settings.serverUsdPerMonth().isPresent() ? "server" : table.defaultServer().name();
    Pricing pricing = new Pricing(new CostModel(table, server), settings);
    ReportBuilder builder = new ReportBuilder();
    if (settings.whatIf()) {
      WhatIf.price(settings, pricing, builder);
      builder.note("What-if: nothing was measured; the profile given was priced on every plan.");
    } else if (request.values().containsKey(ArtifactCoordinates.PROPERTY)) {
      PromotedReport.check(request.values(), settings.measure(), builder);
    } else {
      measureLocally(request, pricing, builder);
    }
    ProviderMeasurements.Outcome provider =
        new ProviderMeasurements.Outcome(List.of(), List.of(), List.of());
    if (settings.measure() > 0) {
      provider = new ProviderMeasurements(listener, pricing, clients.get(), pause).measure(request);
      provider.results().forEach(builder::add);
      provider.notes().forEach(builder::note);
    }
    builder.note(
        "Costs are list prices of "
            + table.stamp().label()
            + " for the reference regions; free tiers are applied to the monthly cost, not to the"
            + " cost per million.");
    Report report =
        new Report(
            request.app(),
            Instant.now(),
            settings.whatIf() ? "what-if" : "measured",
            machine(),
            settings.describe(),
            table.stamp(),
            serverName,
            server,
            builder.results,
            builder.curves,
            builder.notes,
            builder.tracing);
    write(
        report,
        request.skyhopDir(),
        LiveComparison.markdown(report, provider.targets()) + portability(request));
    ConsoleTable.print(report, listener);
    if (provider.targets().size() > 1) {
      LiveComparison.lines(report, provider.targets()).forEach(listener::info);
    }
    if (!provider.failed().isEmpty()) {
      throw new ProviderMeasurementException(
          provider.failed(), provider.targets().size(), request.skyhopDir().resolve("report.md"));
    }
    return report;
  }

  private void measureLocally(ReportRequest request, Pricing pricing, ReportBuilder builder)
      throws IOException {
    ReportSettings settings = request.settings();
    Manifest manifest = ManifestFile.read(request.skyhopDir());
    List<LabFunction> functions =
        manifest.functions().stream().map(f -> new LabFunction(request.app(), f)).toList();
    LabContext lab =
        LabContext.of(
            request.app(),
            request.skyhopDir(),
            request.tools().snapshot(request.skyhopDir().resolve("lab").resolve("tools")),
            new Samples(payloads(settings)),
            START_TIMEOUT,
            listener);
    listener.info(
        "report: measuring "
            + functions.size()
            + " functions on "
            + settings.targets().stream().map(Target::id).toList()
            + ", "
            + settings.samples()
            + " cold starts and "
            + settings.warmInvocations()
            + " warm invocations each");
    List<Harness> harnesses = new ArrayList<>();
    try {
      for (Target target : settings.targets()) {
        harnesses.add(open(target, lab));
      }
      try (TracingLab tracing =
          settings.tracing() ? TracingLab.start(listener) : TracingLab.off()) {
        List<Measurement> all =
            new Lab(tracing.with(harnesses), listener)
                .measure(functions, settings.samples(), settings.warmInvocations());
        MeasuredResults results = new MeasuredResults(pricing, builder);
        TracingLab.untraced(all).forEach(results::add);
        if (settings.tracing()) {
          List<TracingColdStart> pairs = TracingColdStart.pair(tracing.traced(all));
          builder.tracing.addAll(pairs);
          TracingColdStart.notes(pairs).forEach(builder::note);
        }
      }
    } finally {
      for (Harness h : harnesses) {
        h.close();
      }
    }
    builder.note(
        "Measured on this machine: each cold start is a fresh JVM started as the target starts it;"
            + " instance logs are under "
            + lab.workDir().resolve("logs")
            + ".");
    for (Target target : settings.targets()) {
      TargetProviders.of(target).labCaveat().ifPresent(builder::note);
    }
  }

  private static Harness open(Target target, LabContext lab) throws IOException {
    return TargetProviders.of(target).lab(lab);
  }

  private static Map<String, byte[]> payloads(ReportSettings settings) throws IOException {
    Map<String, byte[]> payloads = new LinkedHashMap<>();
    if (settings.payloads().isPresent()) {
      try (Stream<Path> files = Files.list(settings.payloads().get())) {
        for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
          String name = f.getFileName().toString();
          payloads.put(name.substring(0, name.length() - ".json".length()), Files.readAllBytes(f));
        }
      }
    }
    return payloads;
  }

  /** The portability section of {@code report.md}, when the project was packaged. */
  private static String portability(ReportRequest request) throws IOException {
    if (!Files.isRegularFile(request.skyhopDir().resolve("manifest.json"))) {
      return "";
    }
    return Portability.markdownSection(
        Portability.findings(ManifestFile.read(request.skyhopDir()), request.settings().targets()));
  }

  private void write(Report report, Path dir, String portability) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("report.json"), JsonReport.render(report), StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("report.md"),
        MarkdownReport.render(report) + portability,
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("report.html"), HtmlReport.render(report), StandardCharsets.UTF_8);
    listener.info("report: wrote " + dir.resolve("report.json") + ", report.md and report.html");
  }

  private static String machine() {
    return Runtime.getRuntime().availableProcessors()
        + " cores, Java "
        + System.getProperty("java.version")
        + ", "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch");
  }
}
