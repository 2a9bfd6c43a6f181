package io.skyhop.runtime.exec;

import io.skyhop.runtime.store.FileTrees;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The only files workers see, in a work directory outside the data directory ({@code --work-dir},
 * default {@code <tmp>/skyhop-work-<hash of the data directory>}, mode 0711, owned by the runtime):
 *
 * <ul>
 *   <li>{@code runtime/}: the worker jar;
 *   <li>{@code apps/<app>/<version>/}: a copy of the version's jars and class-data sharing archive
 *       (mode 0750, group = the app's worker gid in separate-user mode, else 0700);
 *   <li>{@code run/<app>-<instance>/}: an instance's private working directory with its {@code
 *       tmp/} (mode 0700, owned by the worker's uid), deleted when the instance ends.
 * </ul>
 *
 * <p>The data directory itself is mode 0700: admin token, keys, queues, buckets and logs stay out
 * of reach. Paths are stable across restarts (the copies keep their modification times), so a
 * class-data sharing archive built before a restart still matches the class path after it.
 */
public final class WorkerFiles {
  private final Path root;

  private WorkerFiles(Path root) {
    this.root = root;
  }

  /** The default work directory of a data directory. */
  public static Path defaultRoot(Path dataDir) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(dataDir.toAbsolutePath().normalize().toString().getBytes());
      return Path.of(System.getProperty("java.io.tmpdir"))
          .resolve("skyhop-work-" + HexFormat.of().formatHex(hash).substring(0, 12));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Opens the work directory: creates it (mode 0711) or checks that the existing one is a real
   * directory owned by this process's user, then empties it (instances of a previous run are gone).
   *
   * @param otherUsers whether workers run as other users, who must be able to enter it
   * @throws IOException naming the directory and the fix when it is not the runtime's, or when
   *     workers could not reach it
   */
  public static WorkerFiles open(Path root, boolean otherUsers) throws IOException {
    Path dir = root.toAbsolutePath().normalize();
    if (otherUsers) {
      for (Path p = dir.getParent(); p != null; p = p.getParent()) {
        if (Files.isDirectory(p)
            && !Files.getPosixFilePermissions(p)
                .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
          throw new IOException(
              "The work directory "
                  + dir
                  + " is inside "
                  + p
                  + " (mode "
                  + PosixFilePermissions.toString(Files.getPosixFilePermissions(p))
                  + "), which workers running as other users cannot enter. Fix: choose another"
                  + " --work-dir, or chmod o+x "
                  + p);
        }
      }
    }
    try {
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(mode("rwx--x--x")));
    } catch (FileAlreadyExistsException exists) {
      int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || owner != WorkerUsers.currentUid()) {
        throw new IOException(
            "The work directory "
                + dir
                + " is not a directory owned by the runtime's user: another user may have"
                + " planted it. Fix: delete it, or choose another with --work-dir");
      }
      Files.setPosixFilePermissions(dir, mode("rwx--x--x"));
      FileTrees.delete(dir.resolve("apps"));
      FileTrees.delete(dir.resolve("run"));
    }
    for (String sub : List.of("apps", "run")) {
      Files.createDirectories(dir.resolve(sub));
      Files.setPosixFilePermissions(dir.resolve(sub), mode("rwx--x--x"));
    }
    Files.createDirectories(dir.resolve("runtime"));
    Files.setPosixFilePermissions(dir.resolve("runtime"), mode("rwxr-xr-x"));
    return new WorkerFiles(dir);
  }

  /** Deletes the work directory (the runtime stops; its workers are gone). */
  public void delete() throws IOException {
    FileTrees.delete(root);
  }

  /** The work directory. */
  public Path root() {
    return root;
  }

  /** Where the worker jar goes (readable by every worker). */
  public Path runtimeDir() {
    return root.resolve("runtime");
  }

  /** Where an app version's copy lives. */
  Path versionDir(String app, String version) {
    return root.resolve("apps").resolve(app).resolve(version);
  }

  /**
   * Copies an app version's jars where its workers read them (keeping their modification times),
   * with the class-data sharing archive when {@code archive} exists; readable by {@code uid}'s
   * group only (or the runtime's user).
   *
   * @return the copies, in class-path order
   */
  public List<Path> install(String app, String version, List<Path> classPath, Path archive, int uid)
      throws IOException {
    Path dir = versionDir(app, version);
    Path appDir = Files.createDirectories(dir.getParent());
    Files.setPosixFilePermissions(appDir, mode("rwx--x--x"));
    FileTrees.delete(dir);
    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(mode("rwx------")));
    if (uid != WorkerUsers.RUNTIME_USER) {
      Files.setAttribute(dir, "unix:gid", uid);
    }
    List<Path> copies = new ArrayList<>();
    for (int i = 0; i < classPath.size(); i++) {
      Path source = classPath.get(i);
      Path copy = dir.resolve(i + "-" + source.getFileName());
      Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
      Files.setPosixFilePermissions(copy, mode("r--r-----"));
      if (uid != WorkerUsers.RUNTIME_USER) {
        Files.setAttribute(copy, "unix:gid", uid);
      }
      copies.add(copy);
    }
    if (Files.isRegularFile(archive)) {
      placeArchive(archive, dir.resolve(archive.getFileName()));
    }
    if (uid != WorkerUsers.RUNTIME_USER) {
      Files.setPosixFilePermissions(dir, mode("rwxr-x---"));
    }
    return copies;
  }

  /** Copies a class-data sharing archive into place atomically, readable like the jars. */
  void placeArchive(Path archive, Path target) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.copy(archive, tmp, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(tmp, mode("r--r-----"));
    Files.setAttribute(tmp, "unix:gid", Files.getAttribute(target.getParent(), "unix:gid"));
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Deletes an app version's copy. */
  public void uninstall(String app, String version) throws IOException {
    FileTrees.delete(versionDir(app, version));
  }

  /**
   * Creates a private directory for one worker process, with its {@code tmp/}: mode 0700, owned by
   * {@code uid} (when not the runtime's user).
   */
  Path privateDir(String name, int uid) throws IOException {
    Path dir = root.resolve("run").resolve(name);
    FileTrees.delete(dir);
    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(mode("rwx------")));
    Path tmp =
        Files.createDirectory(
            dir.resolve("tmp"), PosixFilePermissions.asFileAttribute(mode("rwx------")));
    if (uid != WorkerUsers.RUNTIME_USER) {
      for (Path p : List.of(tmp, dir)) {
        Files.setAttribute(p, "unix:uid", uid);
        Files.setAttribute(p, "unix:gid", uid);
      }
    }
    return dir;
  }

  private static java.util.Set<java.nio.file.attribute.PosixFilePermission> mode(String text) {
    return PosixFilePermissions.fromString(text);
  }
}
