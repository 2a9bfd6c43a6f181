package io.skyhop.runtime.exec;

import io.skyhop.runtime.worker.WorkerMain;
import io.skyhop.runtime.worker.boot.SharedBoot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The worker's own jar: only the classes of {@code io.skyhop.runtime.worker}, copied out of the
 * runtime (its jar, or its classes directory in tests) into {@code <data>/runtime/}; and the boot
 * jar of shared workers ({@code io.skyhop.runtime.worker.boot}). Workers get this jar and the app
 * bundle, never the runtime's jar. The file is named by its content hash and never rewritten, since
 * class-data sharing archives check the jars' timestamps.
 */
public final class WorkerJar {
  private static final String PACKAGE = WorkerMain.class.getPackageName().replace('.', '/') + "/";

  /** The package of a shared worker's entry point, alone on its JVM's class path. */
  private static final String BOOT_PACKAGE =
      SharedBoot.class.getPackageName().replace('.', '/') + "/";

  private WorkerJar() {}

  /** Writes the worker jar into {@code dir} unless it is there already; returns its path. */
  public static Path extract(Path dir) throws IOException {
    return extract(dir, PACKAGE, "skyhop-worker-");
  }

  /**
   * Writes the boot jar of shared workers ({@link SharedBoot} only) into {@code dir} unless it is
   * there already; returns its path.
   */
  public static Path extractBoot(Path dir) throws IOException {
    return extract(dir, BOOT_PACKAGE, "skyhop-worker-boot-");
  }

  private static Path extract(Path dir, String pkg, String prefix) throws IOException {
    TreeMap<String, byte[]> classes = classes(pkg);
    if (classes.isEmpty()) {
      throw new IOException("No worker classes found in " + location());
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var e : classes.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTime(315532800000L);
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    byte[] jar = bytes.toByteArray();
    Path file = Files.createDirectories(dir).resolve(prefix + hash(jar) + ".jar");
    if (!Files.isRegularFile(file)) {
      Path tmp = Files.createTempFile(dir, "worker-", ".tmp");
      Files.write(tmp, jar);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }
    // readable by every worker, whatever user it runs as: it holds no secret
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    return file;
  }

  private static Path location() throws IOException {
    try {
      return Path.of(WorkerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  private static TreeMap<String, byte[]> classes(String pkg) throws IOException {
    TreeMap<String, byte[]> classes = new TreeMap<>();
    Path source = location();
    if (Files.isDirectory(source)) {
      try (Stream<Path> files = Files.list(source.resolve(pkg))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
          classes.put(pkg + f.getFileName(), Files.readAllBytes(f));
        }
      }
      return classes;
    }
    try (JarFile jar = new JarFile(source.toFile())) {
      for (JarEntry e : jar.stream().toList()) {
        String name = e.getName();
        if (name.startsWith(pkg)
            && name.endsWith(".class")
            && name.indexOf('/', pkg.length()) < 0) {
          try (InputStream in = jar.getInputStream(e)) {
            classes.put(name, in.readAllBytes());
          }
        }
      }
    }
    return classes;
  }

  private static String hash(byte[] content) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(content))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
