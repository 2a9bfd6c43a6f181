package io.skyhop.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With no exporter configured, an invocation whose event carries no {@code traceparent} loads no
 * class of this package: tracing adds nothing to the cold path. Shown in a class loader of its own,
 * so classes other tests loaded do not count.
 */
class TracingOffTest {
  private static final List<String> TRACE_CLASSES =
      List.of(
          "io.skyhop.core.trace.Tracer",
          "io.skyhop.core.trace.TraceParent",
          "io.skyhop.core.trace.TraceSettings",
          "io.skyhop.core.trace.Span",
          "io.skyhop.core.trace.SpanKind",
          "io.skyhop.core.trace.TracedContext",
          "io.skyhop.core.trace.OtlpExporter");

  /** A loader of the test's class path that answers which classes it has loaded. */
  private static final class Isolated extends URLClassLoader {
    Isolated() throws MalformedURLException {
      super(classPath(), ClassLoader.getPlatformClassLoader());
    }

    List<String> loaded(List<String> names) {
      List<String> loaded = new ArrayList<>();
      for (String n : names) {
        if (findLoadedClass(n) != null) {
          loaded.add(n);
        }
      }
      return loaded;
    }

    private static URL[] classPath() throws MalformedURLException {
      List<URL> urls = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        urls.add(Path.of(entry).toUri().toURL());
      }
      return urls.toArray(URL[]::new);
    }
  }

  @Test
  void anUntracedInvocationLoadsNoTraceClassAndATracedOneDoes() throws Exception {
    try (Isolated loader = new Isolated()) {
      invoke(loader, null);
      assertThat(loader.loaded(TRACE_CLASSES)).isEmpty();
      assertThat(loader.loaded(List.of("io.skyhop.core.BoundFunction"))).as("it ran").hasSize(1);

      invoke(loader, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
      assertThat(loader.loaded(TRACE_CLASSES))
          .contains("io.skyhop.core.trace.TraceParent", "io.skyhop.core.trace.TracedContext");
    }
  }

  /**
   * Loads the runtime with tracing off and calls {@code traced-http}, all through {@code loader}.
   */
  private static void invoke(ClassLoader loader, String traceparent) throws Exception {
    Class<?> runtimeType = loader.loadClass("io.skyhop.core.FunctionRuntime");
    Object runtime =
        runtimeType.getMethod("load", ClassLoader.class, Map.class).invoke(null, loader, Map.of());
    Object function =
        runtimeType.getMethod("function", String.class).invoke(runtime, "traced-http");
    Class<?> methodType = loader.loadClass("io.skyhop.api.HttpMethod");
    Class<?> requestType = loader.loadClass("io.skyhop.api.HttpRequest");
    Object builder =
        requestType
            .getMethod("builder", methodType, String.class)
            .invoke(null, methodType.getField("GET").get(null), "/traced");
    if (traceparent != null) {
      builder =
          builder
              .getClass()
              .getMethod("header", String.class, String.class)
              .invoke(builder, "traceparent", traceparent);
    }
    Object request = builder.getClass().getMethod("build").invoke(builder);
    Class<?> loggerType = loader.loadClass("io.skyhop.api.Logger");
    Object logger =
        Proxy.newProxyInstance(loader, new Class<?>[] {loggerType}, (proxy, m, args) -> null);
    Class<?> contextType = loader.loadClass("io.skyhop.core.InvocationContext");
    Object context =
        contextType
            .getMethod(
                "of", String.class, String.class, String.class, long.class, loggerType, Map.class)
            .invoke(
                null,
                "req-1",
                "traced-http",
                "test",
                System.currentTimeMillis() + 30_000,
                logger,
                Map.of());
    function
        .getClass()
        .getMethod("invokeHttp", requestType, loader.loadClass("io.skyhop.api.Context"))
        .invoke(function, request, context);
  }
}
