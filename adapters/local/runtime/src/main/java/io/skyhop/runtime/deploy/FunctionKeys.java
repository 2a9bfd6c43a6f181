package io.skyhop.runtime.deploy;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import io.skyhop.api.Auth;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.Trigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of an app's {@code Auth.FUNCTION} HTTP functions, one per function, kept in {@code
 * apps/<app>/keys.json} (mode 0600): created at the first deploy that has the function and kept
 * across redeploys, as Azure keeps function keys. With a mounted directory ({@code
 * --function-keys}, a Kubernetes Secret on the knative target) the keys are read from its files
 * instead, one per function named after it, and never created: a function whose file is missing is
 * refused (fail closed).
 */
final class FunctionKeys {
  static final String FILE = "keys.json";

  private final SecureRandom random = new SecureRandom();
  private final Gson gson = new Gson();
  private final Optional<Path> mounted;

  /**
   * Keys kept in the data directory, or read from {@code mounted}.
   *
   * @param mounted the directory of one file per function, or empty
   */
  FunctionKeys(Optional<Path> mounted) {
    this.mounted = mounted;
  }

  /**
   * The app's keys after adding one for every function that needs one and lacks it; with a mounted
   * directory, the keys in its files.
   *
   * @throws MissingKeyException when a mounted directory lacks the key of a function
   */
  Map<String, String> ensure(Path appDir, List<FunctionDef> functions) throws IOException {
    if (mounted.isPresent()) {
      return mounted(mounted.get(), functions);
    }
    Map<String, String> keys = read(appDir);
    boolean changed = false;
    for (FunctionDef f : functions) {
      if (needsKey(f) && !keys.containsKey(f.name())) {
        byte[] b = new byte[24];
        random.nextBytes(b);
        keys.put(f.name(), Base64.getUrlEncoder().withoutPadding().encodeToString(b));
        changed = true;
      }
    }
    if (changed) {
      Path tmp = appDir.resolve(FILE + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, gson.toJson(keys));
      Files.move(tmp, appDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
    }
    return keys;
  }

  /** Whether a function needs a key: an HTTP function with {@code Auth.FUNCTION}. */
  static boolean needsKey(FunctionDef f) {
    return f.trigger() instanceof Trigger.Http http && http.auth() == Auth.FUNCTION;
  }

  /** The keys in the files of {@code dir}, one per function that needs one (never logged). */
  static Map<String, String> mounted(Path dir, List<FunctionDef> functions) throws IOException {
    Map<String, String> keys = new LinkedHashMap<>();
    for (FunctionDef f : functions) {
      if (!needsKey(f)) {
        continue;
      }
      Path file = dir.resolve(f.name());
      String key = Files.isRegularFile(file) ? Files.readString(file).strip() : "";
      if (key.isEmpty()) {
        throw new MissingKeyException(
            "Function '"
                + f.name()
                + "' needs a key (@HttpTrigger auth FUNCTION), but "
                + file
                + (Files.exists(file) ? " is empty" : " does not exist")
                + ", and the runtime never serves it without one. Fix: put its key in that file"
                + " ("
                + "--function-keys "
                + dir
                + ")");
      }
      keys.put(f.name(), key);
    }
    return keys;
  }

  /** The keys on disk. */
  Map<String, String> read(Path appDir) throws IOException {
    Path file = appDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new LinkedHashMap<>();
    }
    Map<String, String> keys =
        gson.fromJson(
            Files.readString(file), new TypeToken<LinkedHashMap<String, String>>() {}.getType());
    return keys == null ? new LinkedHashMap<>() : keys;
  }
}

/** A mounted key directory lacks the key of a function: the message names the file and the fix. */
final class MissingKeyException extends IOException {
  private static final long serialVersionUID = 1L;

  MissingKeyException(String message) {
    super(message);
  }
}
