package com.example.vault;

import io.skyhop.api.Context;
import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpTrigger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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

  /** Body: the value to look for, then one directory to search per line (its class path too). */
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
    int[] files = {0};
    List<Path> places = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      places.add(Path.of(lines[i]));
    }
    // and what this worker can surely read: the folders of its own class path
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      places.add(Path.of(entry).toAbsolutePath().getParent());
    }
    for (Path place : places) {
      // a directory the worker may not list (the data directory under separate users) is skipped,
      // as everything it cannot read
      Files.walkFileTree(
          place,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              byte[] content = attrs.isRegularFile() ? read(f) : null;
              if (content != null) {
                files[0]++;
                if (contains(content, value)) {
                  disk.add(f.toString());
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    }
    report.add("files read: " + files[0]);
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
