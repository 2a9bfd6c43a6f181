package io.skyhop.runtime;

import io.skyhop.api.Auth;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionIndex;
import io.skyhop.core.Trigger;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The function keys of single-app mode. On the knative target the keys of the {@code Auth.FUNCTION}
 * HTTP functions live in the Kubernetes Secret {@code <app>-function-keys}, which the Service
 * mounts and names with {@value RuntimeOptions#FUNCTION_KEYS}. Before serving, every such function
 * must have its key there: otherwise the container does not start (fail closed; it never serves a
 * function without its key). Keys are checked, never printed.
 */
final class SingleAppKeys {
  /** The Secret's name is the app's, then this. */
  static final String SECRET_SUFFIX = "-function-keys";

  private SingleAppKeys() {}

  /** The Secret holding the app's keys: {@code <app>-function-keys}. */
  static String secret(String app) {
    return app + SECRET_SUFFIX;
  }

  /**
   * Checks that each HTTP function of the bundle that needs a key has a non-empty file in {@code
   * keys}.
   *
   * @throws IOException naming the Secret, the function and the fix otherwise
   */
  static void check(Path bundle, String app, Optional<Path> keys) throws IOException {
    List<String> keyed = keyed(bundle);
    if (keyed.isEmpty()) {
      return;
    }
    if (keys.isEmpty()) {
      throw new IOException(
          "function"
              + (keyed.size() == 1 ? " " : "s ")
              + String.join(", ", keyed)
              + " of app "
              + app
              + " need"
              + (keyed.size() == 1 ? "s" : "")
              + " a key (@HttpTrigger auth FUNCTION), but no "
              + RuntimeOptions.FUNCTION_KEYS
              + " DIR is given, and single-app mode never serves such a function without its key."
              + " Fix: mount the Secret "
              + secret(app)
              + " (skyhop:deploy -Dskyhop.target=knative creates it) and pass "
              + RuntimeOptions.FUNCTION_KEYS
              + " <its mount path>, as the Service in service.yaml does");
    }
    for (String function : keyed) {
      Path file = keys.get().resolve(function);
      if (!Files.isRegularFile(file) || Files.readString(file).isBlank()) {
        throw new IOException(
            "function "
                + function
                + " needs a key (@HttpTrigger auth FUNCTION), but "
                + file
                + (Files.isRegularFile(file) ? " is empty" : " does not exist")
                + ": the Secret "
                + secret(app)
                + " mounted at "
                + keys.get()
                + " has no key '"
                + function
                + "'. Fix: deploy with skyhop:deploy -Dskyhop.target=knative, which creates the"
                + " Secret and adds missing keys without changing the others");
      }
    }
  }

  /** The names of the bundle's HTTP functions with {@code Auth.FUNCTION}. */
  static List<String> keyed(Path bundle) throws IOException {
    FunctionIndex index;
    try (ZipFile zip = new ZipFile(bundle.toFile())) {
      ZipEntry entry = zip.getEntry(FunctionIndex.RESOURCE);
      if (entry == null) {
        throw new IOException("it holds no " + FunctionIndex.RESOURCE + " at its root");
      }
      try (Reader in = new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8)) {
        index = FunctionIndex.parse(in);
      } catch (RuntimeException e) {
        throw new IOException(
            FunctionIndex.RESOURCE + " is not a function index: " + e.getMessage());
      }
    }
    List<String> keyed = new ArrayList<>();
    for (FunctionDef f : index.functions()) {
      if (f.trigger() instanceof Trigger.Http http && http.auth() == Auth.FUNCTION) {
        keyed.add(f.name());
      }
    }
    return keyed;
  }
}
