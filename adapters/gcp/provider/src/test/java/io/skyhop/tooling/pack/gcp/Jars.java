package io.skyhop.tooling.pack.gcp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Small jars for tests, and reading them back. */
final class Jars {
  private Jars() {}

  /** Writes a jar with the given entries (name to UTF-8 text). */
  static Path write(Path file, String... namesAndContents) throws IOException {
    try (OutputStream os = Files.newOutputStream(file);
        ZipOutputStream out = new ZipOutputStream(os)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        out.putNextEntry(new ZipEntry(namesAndContents[i]));
        out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return file;
  }

  /** Every entry of a jar or zip, in order, with its text (directories map to ""). */
  static Map<String, String> entries(byte[] jar) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
