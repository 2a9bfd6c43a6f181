package io.skyhop.bench.suite;

import io.skyhop.bench.lib.Stats;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything one run wrote to its output folder, read back: the driver's {@code coldstart.tsv},
 * {@code warm.tsv}, {@code status.tsv}, and run.sh's {@code header.properties}, {@code sizes.tsv},
 * {@code jmh.txt}, {@code core-startup.txt}, {@code packaging.tsv}. A missing file is an empty
 * section (the step did not run or failed; run.sh says why in {@code notes.txt}).
 */
final class Results {
  private static final Pattern JMH =
      Pattern.compile(
          "InvocationBenchmark\\.(\\w+)\\s+avgt\\s+(?:\\d+\\s+)?([\\d.,]+)(?:\\s+±\\s+([\\d.,]+|NaN))?\\s+(\\S+/op)");

  /** An artifact: its size and what it is. */
  record Size(long bytes, String what) {}

  /** A JMH score: average time per operation and its error. */
  record Score(double value, double error, String unit) {}

  final Properties header = new Properties();
  final Map<String, List<Double>> coldWall = new LinkedHashMap<>();
  final Map<String, List<Double>> coldCpu = new LinkedHashMap<>();
  final Map<String, List<Double>> rps = new LinkedHashMap<>();
  final Map<String, List<Double>> p99 = new LinkedHashMap<>();
  final Map<String, List<Double>> serverCpuUs = new LinkedHashMap<>();
  final Map<String, List<Double>> totalCpuUs = new LinkedHashMap<>();
  final Map<String, Long> rssKb = new LinkedHashMap<>();
  final Map<String, Integer> processes = new LinkedHashMap<>();
  final Map<String, String> wrkErrors = new LinkedHashMap<>();
  final Map<String, String> status = new LinkedHashMap<>();
  final Map<String, Size> sizes = new LinkedHashMap<>();
  final Map<String, Score> jmh = new LinkedHashMap<>();
  final List<String> coreStartup = new ArrayList<>();
  final Map<Integer, List<Double>> packaging = new LinkedHashMap<>();
  final List<String> notes = new ArrayList<>();

  static Results read(Path dir) throws IOException {
    Results r = new Results();
    Path header = dir.resolve("header.properties");
    if (Files.exists(header)) {
      try (Reader in = Files.newBufferedReader(header)) {
        r.header.load(in);
      }
    }
    for (String[] f : rows(dir.resolve("coldstart.tsv"))) {
      r.coldWall.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
      r.coldCpu.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[3]));
    }
    for (String[] f : rows(dir.resolve("warm.tsv"))) {
      if (!f[2].isEmpty()) {
        r.rps.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
        r.p99.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[4]));
      }
      r.rssKb.put(f[0], Long.parseLong(f[5]));
      r.processes.put(f[0], Integer.parseInt(f[7]));
      if (f.length > 8 && !f[8].isBlank()) {
        r.wrkErrors.merge(f[0], f[8], (a, b) -> a + "; " + b);
      }
      if (f.length > 10 && !f[9].isBlank()) {
        r.serverCpuUs.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[9]));
        r.totalCpuUs.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[10]));
      }
    }
    rows(dir.resolve("status.tsv")).forEach(f -> r.status.put(f[0], f.length > 1 ? f[1] : ""));
    rows(dir.resolve("sizes.tsv"))
        .forEach(f -> r.sizes.put(f[0], new Size(Long.parseLong(f[1]), f.length > 2 ? f[2] : "")));
    for (String line : lines(dir.resolve("jmh.txt"))) {
      Matcher m = JMH.matcher(line);
      if (m.find()) {
        double err = m.group(3) == null || m.group(3).equals("NaN") ? Double.NaN : num(m.group(3));
        r.jmh.put(m.group(1), new Score(num(m.group(2)), err, m.group(4)));
      }
    }
    r.coreStartup.addAll(lines(dir.resolve("core-startup.txt")));
    for (String[] f : rows(dir.resolve("packaging.tsv"))) {
      r.packaging
          .computeIfAbsent(Integer.parseInt(f[0]), k -> new ArrayList<>())
          .add(Double.parseDouble(f[2]));
    }
    r.notes.addAll(lines(dir.resolve("notes.txt")));
    return r;
  }

  Optional<Stats> cold(String candidate) {
    return stats(coldWall.get(candidate));
  }

  Optional<Stats> coldCpu(String candidate) {
    return stats(coldCpu.get(candidate));
  }

  Optional<Stats> throughput(String candidate) {
    return stats(rps.get(candidate));
  }

  Optional<Stats> p99(String candidate) {
    return stats(p99.get(candidate));
  }

  /** CPU per request of the serving process (the runtime's front door), µs. */
  Optional<Stats> serverCpu(String candidate) {
    return stats(serverCpuUs.get(candidate));
  }

  /** CPU per request of the serving process and its children (the runtime's workers), µs. */
  Optional<Stats> totalCpu(String candidate) {
    return stats(totalCpuUs.get(candidate));
  }

  Optional<Stats> packaging(int functions) {
    return stats(packaging.get(functions));
  }

  Optional<Long> size(String key) {
    return Optional.ofNullable(sizes.get(key)).map(Size::bytes);
  }

  private static Optional<Stats> stats(List<Double> values) {
    if (values == null) {
      return Optional.empty();
    }
    List<Double> real = values.stream().filter(v -> !v.isNaN()).toList();
    return real.isEmpty() ? Optional.empty() : Optional.of(Stats.of(real));
  }

  private static double num(String s) {
    return Double.parseDouble(s.replace(",", ""));
  }

  /** The rows of a TSV file after its header line. */
  private static List<String[]> rows(Path file) throws IOException {
    List<String> lines = lines(file);
    return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }
}
