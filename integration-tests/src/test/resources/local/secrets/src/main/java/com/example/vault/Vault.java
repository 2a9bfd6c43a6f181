package com.example.vault;

import io.skyhop.api.Context;
import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpTrigger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

public class Vault {
  public Vault() {}

  @Function(env = {"GREETING=hello"}, secrets = {"db-password"})
  @HttpTrigger(path = "/reveal", methods = {HttpMethod.GET})
  public String reveal(Context context) {
    return context.env("GREETING").orElse("-") + "|" + context.secret("db-password");
  }

  @Function(secrets = {"api-key"})
  @HttpTrigger(path = "/unset", methods = {HttpMethod.GET})
  public String unset(Context context) {
    try {
      return context.secret("api-key");
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
  }

  /** Body: the value to look for, a line break, the directory to search. */
  @Function(env = {"GREETING=hello"})
  @HttpTrigger(path = "/snoop", methods = {HttpMethod.POST})
  public String snoop(String body, Context context) throws IOException {
    String[] lines = body.split("\n");
    byte[] value = lines[0].getBytes(StandardCharsets.UTF_8);
    List<String> report = new ArrayList<>();
    report.add("greeting: " + context.env("GREETING").orElse("-"));
    try {
      context.secret("db-password");
      report.add("secret: READ");
    } catch (IllegalArgumentException e) {
      report.add("secret: " + e.getMessage());
    }
    report.add(
        "env: "
            + (System.getenv().values().stream().anyMatch(v -> v.contains(lines[0]))
                ? "FOUND"
                : "none"));
    List<String> proc = new ArrayList<>();
    int procFiles = 0;
    try (Stream<Path> pids = Files.list(Path.of("/proc"))) {
      for (Path pid : pids.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        for (String name : List.of("environ", "cmdline")) {
          byte[] content = read(pid.resolve(name));
          if (content != null) {
            procFiles++;
            if (contains(content, value)) {
              proc.add(pid.resolve(name).toString());
            }
          }
        }
      }
    }
    report.add("proc files read: " + procFiles);
    report.add("proc: " + (proc.isEmpty() ? "none" : proc));
    List<String> disk = new ArrayList<>();
    int files = 0;
    try (Stream<Path> walk = Files.walk(Path.of(lines[1]))) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        byte[] content = read(f);
        if (content != null) {
          files++;
          if (contains(content, value)) {
            disk.add(f.toString());
          }
        }
      }
    }
    report.add("files read: " + files);
    report.add("disk: " + (disk.isEmpty() ? "none" : disk));
    return String.join("\n", report);
  }

  private static byte[] read(Path file) {
    try {
      return Files.size(file) > (64 << 20) ? null : Files.readAllBytes(file);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static boolean contains(byte[] content, byte[] value) {
    outer:
    for (int i = 0; i + value.length <= content.length; i++) {
      for (int j = 0; j < value.length; j++) {
        if (content[i + j] != value[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
