package io.skyhop.tooling.pack;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes reproducible zips and jars: fixed timestamps and sorted directory walks, so the same input
 * gives the same bytes (deployers compare hashes to skip unchanged uploads). The one zip writer of
 * the engine: packages, the GCP uber jar and a stage's copy of the local bundle.
 */
public final class ZipWriter implements Closeable {
  private static final FileTime EPOCH = FileTime.fromMillis(315532800000L); // 1980-01-01

  private final ZipOutputStream out;
  private final Set<String> names = new HashSet<>();

  private ZipWriter(ZipOutputStream out) {
    this.out = out;
  }

  /** A zip written to {@code file}, replacing it. */
  public static ZipWriter create(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return new ZipWriter(new ZipOutputStream(Files.newOutputStream(file)));
  }

  /**
   * A jar written to {@code out} (its first entry carries the jar marker {@code jar} looks for).
   */
  public static ZipWriter jar(OutputStream out) throws IOException {
    return new ZipWriter(new JarOutputStream(out));
  }

  /** Adds an entry with the given bytes; a name already added is an error. */
  public ZipWriter add(String name, byte[] content) throws IOException {
    if (!names.add(name)) {
      throw new IOException("Duplicate entry " + name + " in zip");
    }
    ZipEntry entry = new ZipEntry(name);
    entry.setLastModifiedTime(EPOCH);
    out.putNextEntry(entry);
    if (content != null) {
      out.write(content);
    }
    out.closeEntry();
    return this;
  }

  /** Adds a directory entry, {@code name} ending in {@code /}. */
  public ZipWriter addDirectory(String name) throws IOException {
    return add(name, null);
  }

  /** Adds a file under {@code name}. */
  public ZipWriter addFile(Path file, String name) throws IOException {
    return add(name, Files.readAllBytes(file));
  }

  /** Adds every file below {@code dir}, named {@code prefix + relative path}, in sorted order. */
  public ZipWriter addTree(Path dir, String prefix) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      String relative = dir.relativize(file).toString().replace('\\', '/');
      addFile(file, prefix + relative);
    }
    return this;
  }

  /**
   * Adds the entries of a jar (or of a classes directory, for a reactor module not yet packaged)
   * under their own names, leaving out directories and the names {@code excluded} accepts; in
   * sorted order, so the zip stays reproducible.
   */
  public ZipWriter addUnpacked(Path jarOrDir, Predicate<String> excluded) throws IOException {
    if (Files.isDirectory(jarOrDir)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(jarOrDir)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        String name = jarOrDir.relativize(file).toString().replace('\\', '/');
        if (!excluded.test(name)) {
          addFile(file, name);
        }
      }
      return this;
    }
    try (ZipFile jar = new ZipFile(jarOrDir.toFile())) {
      List<? extends ZipEntry> entries =
          jar.stream()
              .filter(e -> !e.isDirectory() && !excluded.test(e.getName()))
              .sorted(Comparator.comparing(ZipEntry::getName))
              .toList();
      for (ZipEntry e : entries) {
        try (InputStream in = jar.getInputStream(e)) {
          add(e.getName(), in.readAllBytes());
        }
      }
    }
    return this;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
