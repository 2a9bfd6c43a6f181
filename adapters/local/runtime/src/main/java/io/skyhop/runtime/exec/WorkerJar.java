package io.skyhop.runtime.exec;

import io.skyhop.runtime.worker.WorkerMain;
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
 * runtime (its jar, or its classes directory in tests) into {@code <data>/runtime/}. Workers get
 * this jar and the app bundle, never the runtime's jar. The file is named by its content hash and
 * never rewritten, since class-data sharing archives check the jars' timestamps.
 */
public final class WorkerJar {
  private static final String PACKAGE = WorkerMain.class.getPackageName().replace('.', '/') + "/";

  private WorkerJar() {}

  /** Writes the worker jar into {@code dir} unless it is there already; returns its path. */
  public static Path extract(Path dir) throws IOException {
    TreeMap<String, byte[]> classes = classes();
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
    Path file = Files.createDirectories(dir).resolve("skyhop-worker-" + hash(jar) + ".jar");
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

  private static TreeMap<String, byte[]> classes() throws IOException {
    TreeMap<String, byte[]> classes = new TreeMap<>();
    Path source = location();
    if (Files.isDirectory(source)) {
      Path pkg = source.resolve(PACKAGE);
      try (Stream<Path> files = Files.list(pkg)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
          classes.put(PACKAGE + f.getFileName(), Files.readAllBytes(f));
        }
      }
      return classes;
    }
    try (JarFile jar = new JarFile(source.toFile())) {
      for (JarEntry e : jar.stream().toList()) {
        String name = e.getName();
        if (name.startsWith(PACKAGE)
            && name.endsWith(".class")
            && name.indexOf('/', PACKAGE.length()) < 0) {
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
