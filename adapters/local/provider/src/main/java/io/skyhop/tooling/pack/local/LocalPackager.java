package io.skyhop.tooling.pack.local;

import io.skyhop.core.Adapters;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionIndex;
import io.skyhop.core.Trigger;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.TargetPackager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code local} target: {@code target/skyhop/local/<app>.zip}, the bundle the in-house runtime
 * deploys. Classes at the root, every runtime jar in {@code lib/} (the project's dependencies, the
 * adapter core and Gson), and {@value LocalBundle#MANIFEST} naming the class path in order. The
 * runtime runs each function instance as {@code java -cp <bundle> }{@value #ENTRY_POINT} with
 * {@code SKYHOP_FUNCTION} set to the function's name.
 */
public final class LocalPackager implements TargetPackager {
  /** The worker entry point the runtime adds to the bundle's class path. */
  public static final String ENTRY_POINT = "io.skyhop.runtime.worker.WorkerMain";

  @Override
  public List<Path> pack(PackageRequest request, FunctionIndex index, BuildListener listener)
      throws IOException {
    Path dir = Files.createDirectories(request.targetDir(Target.named("local")));
    return List.of(LocalBundle.write(request, index, dir.resolve(bundleName(request)), listener));
  }

  @Override
  public LocalEntry manifestEntry(PackageRequest request, FunctionDef function) {
    String path =
        function.trigger() instanceof Trigger.Http http
            ? "/" + request.app() + http.path().template()
            : null;
    Map<String, String> env = new LinkedHashMap<>(function.env());
    env.put(Adapters.FUNCTION_ENV, function.name());
    return new LocalEntry(
        ENTRY_POINT,
        "skyhop-runtime",
        Target.named("local").id() + "/" + bundleName(request),
        path,
        env);
  }

  @Override
  public Class<LocalEntry> entryType() {
    return LocalEntry.class;
  }

  /** {@code <app>.zip}. */
  public static String bundleName(PackageRequest request) {
    return request.app() + ".zip";
  }
}
