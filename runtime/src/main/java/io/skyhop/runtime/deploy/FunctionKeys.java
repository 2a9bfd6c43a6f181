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

/**
 * The keys of an app's {@code Auth.FUNCTION} HTTP functions, one per function, kept in {@code
 * apps/<app>/keys.json} (mode 0600): created at the first deploy that has the function and kept
 * across redeploys, as Azure keeps function keys.
 */
final class FunctionKeys {
  static final String FILE = "keys.json";

  private final SecureRandom random = new SecureRandom();
  private final Gson gson = new Gson();

  /** The app's keys after adding one for every function that needs one and lacks it. */
  Map<String, String> ensure(Path appDir, List<FunctionDef> functions) throws IOException {
    Map<String, String> keys = read(appDir);
    boolean changed = false;
    for (FunctionDef f : functions) {
      if (f.trigger() instanceof Trigger.Http http
          && http.auth() == Auth.FUNCTION
          && !keys.containsKey(f.name())) {
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
