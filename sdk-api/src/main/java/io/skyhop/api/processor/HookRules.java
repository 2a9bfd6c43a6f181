package io.skyhop.api.processor;

import io.skyhop.api.AfterRestore;
import io.skyhop.api.Prime;
import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * The rules for the lifecycle hooks of a function class, {@link Prime} and {@link AfterRestore}: at
 * most one of each per class, public, not static, no parameters, in a class that declares functions
 * (checked when the round is over, against the functions found).
 */
final class HookRules {
  /** The hook annotations, in index order. */
  static final List<Class<? extends Annotation>> ANNOTATIONS =
      List.of(Prime.class, AfterRestore.class);

  private final Map<String, HookModel> hooks = new LinkedHashMap<>();
  private final Map<String, ExecutableElement> places = new LinkedHashMap<>();

  /** Checks one annotated method, recording it; errors are added to {@code errors}. */
  void check(ExecutableElement method, Class<? extends Annotation> kind, List<String> errors) {
    String name = "@" + kind.getSimpleName();
    if (!method.getModifiers().contains(Modifier.PUBLIC)) {
      errors.add("the " + name + " method is not public. Fix: declare it public");
    }
    if (method.getModifiers().contains(Modifier.STATIC)) {
      errors.add(
          "the "
              + name
              + " method is static; it runs on the instance that serves the functions. Fix: remove"
              + " 'static'");
    }
    if (!method.getParameters().isEmpty()) {
      errors.add(
          "the "
              + name
              + " method has "
              + method.getParameters().size()
              + " parameter(s); the target calls it with none. Fix: remove its parameters");
    }
    TypeElement type = (TypeElement) method.getEnclosingElement();
    String className = type.getQualifiedName().toString();
    HookModel current = hooks.getOrDefault(className, new HookModel(className, null, null));
    String other = kind == Prime.class ? current.prime() : current.afterRestore();
    if (other != null) {
      errors.add(
          type.getSimpleName()
              + " already has a "
              + name
              + " method, "
              + other
              + "(); a class has at most one. Fix: call one from the other and keep one "
              + name);
      return;
    }
    String methodName = method.getSimpleName().toString();
    hooks.put(
        className,
        kind == Prime.class
            ? new HookModel(className, methodName, current.afterRestore())
            : new HookModel(className, current.prime(), methodName));
    places.putIfAbsent(className, method);
  }

  /**
   * Reports each hook recorded since the last call whose class declares none of {@code functions}
   * (nothing would run it). Called at the end of each round, while its elements still carry their
   * source positions; a class and its methods are always in the same round.
   */
  void reportOrphans(
      Map<String, FunctionModel> functions,
      java.util.function.BiConsumer<ExecutableElement, String> report) {
    for (Map.Entry<String, ExecutableElement> place : places.entrySet()) {
      if (!declaresFunctions(place.getKey(), functions)) {
        report.accept(
            place.getValue(),
            "the class declares no @Function, so no target would ever run this hook. Fix: move the"
                + " method to the class of the functions it prepares, or remove the annotation");
      }
    }
    places.clear();
  }

  /** The hooks of classes that declare functions, for the index. */
  List<HookModel> hooks(Map<String, FunctionModel> functions) {
    List<HookModel> result = new java.util.ArrayList<>();
    for (HookModel hook : hooks.values()) {
      if (declaresFunctions(hook.className(), functions)) {
        result.add(hook);
      }
    }
    return result;
  }

  private static boolean declaresFunctions(String className, Map<String, FunctionModel> functions) {
    for (FunctionModel f : functions.values()) {
      // top-level classes only (the function rules say so): binary and qualified names agree
      if (f.className().equals(className)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The hooks of one function class, as written to the index.
   *
   * @param className the class's name
   * @param prime the {@link Prime} method, or null
   * @param afterRestore the {@link AfterRestore} method, or null
   */
  record HookModel(String className, String prime, String afterRestore) {}
}
