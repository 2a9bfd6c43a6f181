package io.skyhop.runtime.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The users workers run as ({@code --worker-user}). In separate-user mode (the default when the
 * runtime runs as root and {@code setpriv} is installed) every app gets its own unprivileged user
 * and group id, {@code base + n}, kept in {@code apps/<app>/worker-uid} across restarts and
 * redeploys; workers start through {@code setpriv} with that uid and gid, no supplementary groups
 * and no new privileges. They can then read neither the runtime's files (mode 0600/0700, owned by
 * the runtime's user) nor {@code /proc/<runtime pid>/environ}, nor another app's files and
 * processes. Otherwise workers run as the runtime's own user, and only the scrubbed environment and
 * the private directories apply (docs/runtime.md, "Isolation").
 */
public final class WorkerUsers {
  /** The first uid of separate-user mode unless {@code --worker-user} names another. */
  public static final int DEFAULT_BASE_UID = 61000;

  /** How many apps get a uid of their own. */
  static final int MAX_APPS = 10_000;

  /** The file, in {@code apps/<app>/}, that holds the app's worker uid. */
  static final String UID_FILE = "worker-uid";

  /** No uid: the runtime's own user. */
  public static final int RUNTIME_USER = -1;

  private final int base;
  private final Path setpriv;

  private WorkerUsers(int base, Path setpriv) {
    this.base = base;
    this.setpriv = setpriv;
  }

  /** Workers run as the runtime's own user. */
  public static WorkerUsers runtimeUser() {
    return new WorkerUsers(RUNTIME_USER, null);
  }

  /**
   * The mode {@code --worker-user} asks for: {@code auto} (separate users when the runtime is root
   * and {@code setpriv} is found, else the runtime's user), {@code runtime}, or a first uid
   * (separate users, required).
   *
   * @throws IOException naming the setting and the fix when separate users are required and cannot
   *     be had
   */
  public static WorkerUsers choose(String setting, int runtimeUid, Optional<Path> setpriv)
      throws IOException {
    if (setting.equals("runtime")) {
      return runtimeUser();
    }
    boolean auto = setting.equals("auto");
    int base = auto ? DEFAULT_BASE_UID : Integer.parseInt(setting);
    if (runtimeUid == 0 && setpriv.isPresent()) {
      return new WorkerUsers(base, setpriv.get());
    }
    if (auto) {
      return runtimeUser();
    }
    throw new IOException(
        "--worker-user "
            + setting
            + " runs workers as separate users, which needs "
            + (runtimeUid != 0
                ? "the runtime to run as root (it runs as uid " + runtimeUid + ")"
                : "")
            + (runtimeUid == 0 ? "setpriv (util-linux) on the PATH" : "")
            + ". Fix: "
            + (runtimeUid != 0 ? "start the runtime as root" : "install util-linux")
            + ", or use --worker-user runtime");
  }

  /** The {@code setpriv} on the PATH, if any. */
  public static Optional<Path> findSetpriv(String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "setpriv"))) {
        return Optional.of(Path.of(dir, "setpriv"));
      }
    }
    return Optional.empty();
  }

  /** The uid of the running process. */
  public static int currentUid() throws IOException {
    return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
  }

  /** Whether each app's workers run as a user of their own. */
  public boolean separate() {
    return base != RUNTIME_USER;
  }

  /** A description for the log. */
  public String describe() {
    return separate()
        ? "separate users (one unprivileged uid per app from " + base + ")"
        : "the runtime's own user (workers are kept out by environment and directories only)";
  }

  /**
   * The uid (and gid) of an app's workers, assigned at its first deployment, or {@link
   * #RUNTIME_USER}.
   *
   * @param appDir {@code <data>/apps/<app>}
   */
  public synchronized int uid(Path appDir) throws IOException {
    if (!separate()) {
      return RUNTIME_USER;
    }
    Path file = appDir.resolve(UID_FILE);
    if (Files.isRegularFile(file)) {
      return Integer.parseInt(Files.readString(file).strip());
    }
    Set<Integer> used = new HashSet<>();
    try (Stream<Path> apps = Files.list(appDir.getParent())) {
      for (Path other : apps.toList()) {
        Path f = other.resolve(UID_FILE);
        if (Files.isRegularFile(f)) {
          used.add(Integer.parseInt(Files.readString(f).strip()));
        }
      }
    }
    for (int uid = base; uid < base + MAX_APPS; uid++) {
      if (!used.contains(uid)) {
        Files.createDirectories(appDir);
        Path tmp = appDir.resolve(UID_FILE + ".tmp");
        Files.writeString(tmp, uid + "\n");
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return uid;
      }
    }
    throw new IOException(
        "All " + MAX_APPS + " worker uids from " + base + " are taken: remove unused apps");
  }

  /** What goes before the {@code java} command to run it as {@code uid}. */
  List<String> commandPrefix(int uid) {
    if (uid == RUNTIME_USER) {
      return List.of();
    }
    return List.of(
        setpriv.toString(),
        "--reuid=" + uid,
        "--regid=" + uid,
        "--clear-groups",
        "--no-new-privs",
        "--");
  }
}
