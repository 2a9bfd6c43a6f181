package io.skyhop.api.processor;

import io.skyhop.api.Function;
import io.skyhop.api.HttpTrigger;
import io.skyhop.api.QueueTrigger;
import io.skyhop.api.ScheduleTrigger;
import io.skyhop.api.Smoke;
import io.skyhop.api.StorageTrigger;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Validates every {@link Function} of the compilation against the rules of the Skyhop programming
 * model and writes the compile-time index {@value #INDEX} that adapters read at start-up (no
 * classpath scanning). Registered in {@code META-INF/services}, so users need no configuration.
 */
@SupportedAnnotationTypes({
  "io.skyhop.api.Function",
  "io.skyhop.api.HttpTrigger",
  "io.skyhop.api.ScheduleTrigger",
  "io.skyhop.api.QueueTrigger",
  "io.skyhop.api.StorageTrigger",
  "io.skyhop.api.Prime",
  "io.skyhop.api.AfterRestore",
  "io.skyhop.api.Smoke"
})
public final class FunctionProcessor extends AbstractProcessor {
  /** The index's resource path inside the compiled jar. */
  public static final String INDEX = "META-INF/skyhop/functions.json";

  private final Map<String, FunctionModel> functions = new LinkedHashMap<>();
  private final Set<String> seenMethods = new LinkedHashSet<>();
  private final HookRules hooks = new HookRules();
  private boolean failed;

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      if (!failed && !functions.isEmpty()) {
        writeIndex(hooks.hooks(functions));
      }
      return false;
    }
    Set<Element> candidates = new LinkedHashSet<>();
    for (Class<? extends java.lang.annotation.Annotation> a :
        List.of(
            Function.class,
            HttpTrigger.class,
            ScheduleTrigger.class,
            QueueTrigger.class,
            StorageTrigger.class)) {
      candidates.addAll(round.getElementsAnnotatedWith(a));
    }
    for (Element element : candidates) {
      if (element instanceof ExecutableElement method && seenMethods.add(key(method))) {
        check(method);
      }
    }
    for (Class<? extends java.lang.annotation.Annotation> hook : HookRules.ANNOTATIONS) {
      for (Element element : round.getElementsAnnotatedWith(hook)) {
        List<String> errors = new ArrayList<>();
        hooks.check((ExecutableElement) element, hook, errors);
        errors.forEach(error -> report((ExecutableElement) element, error));
      }
    }
    for (Element element : round.getElementsAnnotatedWith(Smoke.class)) {
      if (element.getAnnotation(Function.class) == null) {
        report(
            (ExecutableElement) element,
            "@Smoke names the smoke request of a function, but the method has no @Function. Fix:"
                + " add @Function and @HttpTrigger, or remove @Smoke");
      }
    }
    hooks.reportOrphans(functions, this::report);
    return false;
  }

  private static String key(ExecutableElement method) {
    return method.getEnclosingElement() + "#" + method;
  }

  private void check(ExecutableElement method) {
    List<String> errors = new ArrayList<>();
    FunctionModel model = new FunctionRules(processingEnv).check(method, errors);
    if (model != null) {
      FunctionModel clash = functions.get(model.name());
      if (clash != null) {
        errors.add(
            "the function name '"
                + model.name()
                + "' is already used by "
                + clash.className()
                + "."
                + clash.methodName()
                + "(). Fix: give one of them a unique @Function(name = \"...\")");
      }
      String route = routeClash(model);
      if (route != null) {
        errors.add(route);
      }
      String queue = queueClash(model);
      if (queue != null) {
        errors.add(queue);
      }
      if (clash == null && route == null && queue == null) {
        functions.put(model.name(), model);
      }
    }
    for (String error : errors) {
      report(method, error);
    }
  }

  private void report(ExecutableElement method, String error) {
    failed = true;
    processingEnv
        .getMessager()
        .printMessage(
            Diagnostic.Kind.ERROR,
            "Skyhop: "
                + method.getEnclosingElement().getSimpleName()
                + "."
                + method.getSimpleName()
                + "(): "
                + error,
            method);
  }

  /**
   * Two HTTP functions whose paths differ only in parameter names and that share a method would
   * both match the same requests; routing would silently pick one.
   */
  private String routeClash(FunctionModel model) {
    if (!"http".equals(model.trigger().get("type"))) {
      return null;
    }
    String path = (String) model.trigger().get("path");
    for (FunctionModel other : functions.values()) {
      if (!"http".equals(other.trigger().get("type"))) {
        continue;
      }
      String otherPath = (String) other.trigger().get("path");
      List<String> shared = new ArrayList<>();
      for (Object method : (List<?>) model.trigger().get("methods")) {
        if (((List<?>) other.trigger().get("methods")).contains(method)) {
          shared.add(method.toString());
        }
      }
      if (routeShape(path).equals(routeShape(otherPath)) && !shared.isEmpty()) {
        return "the route "
            + String.join(",", shared)
            + " "
            + path
            + " is already served by "
            + other.className()
            + "."
            + other.methodName()
            + "() (path '"
            + otherPath
            + "'), so a request could reach either. Fix: change the path or the methods of one"
            + " of them";
      }
    }
    return null;
  }

  /**
   * Two functions on one queue mean different things on different targets: SQS and Storage Queues
   * hand each message to one of them, Pub/Sub to both, Knative's broker to both. A portable
   * function cannot rely on either, so one queue has one function.
   */
  private String queueClash(FunctionModel model) {
    if (!"queue".equals(model.trigger().get("type"))) {
      return null;
    }
    Object queue = model.trigger().get("queue");
    for (FunctionModel other : functions.values()) {
      if ("queue".equals(other.trigger().get("type"))
          && queue.equals(other.trigger().get("queue"))) {
        return "the queue '"
            + queue
            + "' is already consumed by "
            + other.className()
            + "."
            + other.methodName()
            + "(); providers disagree on whether a message then goes to one function or to both."
            + " Fix: consume each queue with one function (it can call the other's code), or use"
            + " another queue";
      }
    }
    return null;
  }

  /** {@code /orders/{id}} and {@code /orders/{key}} have the same shape {@code /orders/{}}. */
  private static String routeShape(String path) {
    return path.replaceAll("\\{[^/]*}", "{}");
  }

  private void writeIndex(List<HookRules.HookModel> found) {
    try {
      FileObject file =
          processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
      try (Writer out = file.openWriter()) {
        out.write(IndexJson.write(new ArrayList<>(functions.values()), found));
      }
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR, "Skyhop: cannot write " + INDEX + ": " + e.getMessage());
    }
  }
}
