package io.skyhop.api.processor;

import io.skyhop.api.Function;
import io.skyhop.api.HttpTrigger;
import io.skyhop.api.QueueTrigger;
import io.skyhop.api.ScheduleTrigger;
import io.skyhop.api.Smoke;
import io.skyhop.api.StorageTrigger;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** The rules for the function itself: its class, method, name and {@link Function} settings. */
final class FunctionRules {
  static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]{0,40}[a-z0-9]$");
  private static final Pattern ENV_KEY = Pattern.compile("^[A-Za-z][A-Za-z0-9_]+$");
  static final Pattern SECRET_NAME = Pattern.compile("^[a-z][a-z0-9-]{0,62}$");

  private final ProcessingEnvironment env;

  FunctionRules(ProcessingEnvironment env) {
    this.env = env;
  }

  /** Checks one annotated method; returns its model, or null when errors were added. */
  FunctionModel check(ExecutableElement method, List<String> errors) {
    Function function = method.getAnnotation(Function.class);
    List<Annotation> triggers = new ArrayList<>();
    for (Class<? extends Annotation> t :
        List.of(
            HttpTrigger.class, ScheduleTrigger.class, QueueTrigger.class, StorageTrigger.class)) {
      Annotation a = method.getAnnotation(t);
      if (a != null) {
        triggers.add(a);
      }
    }
    if (function == null) {
      errors.add(
          "a trigger annotation needs @Function on the same method. Fix: add @Function to the"
              + " method, or remove the trigger annotation");
      return null;
    }
    if (triggers.isEmpty()) {
      errors.add(
          "has no trigger annotation, so nothing would ever call it. Fix: add one of"
              + " @HttpTrigger, @ScheduleTrigger, @QueueTrigger or @StorageTrigger");
      return null;
    }
    if (triggers.size() > 1) {
      errors.add(
          "has "
              + triggers.size()
              + " trigger annotations ("
              + names(triggers)
              + "); a function has exactly one. Fix: keep exactly one of @HttpTrigger,"
              + " @ScheduleTrigger, @QueueTrigger, @StorageTrigger, and put each other trigger on a"
              + " method of its own");
      return null;
    }
    checkClassAndMethod(method, errors);
    String name =
        function.name().isEmpty() ? kebab(method.getSimpleName().toString()) : function.name();
    if (!NAME.matcher(name).matches()) {
      errors.add(
          "the function name '"
              + name
              + "' is invalid: it must match ^[a-z][a-z0-9-]{0,40}[a-z0-9]$ (2 to 42 lower-case"
              + " letters, digits and hyphens, starting with a letter). Fix: set @Function(name ="
              + " \"...\") to such a name");
    }
    checkSettings(function, errors);
    LeverRules.check(function, env.getSourceVersion(), errors);
    Map<String, String> environment = environment(function, errors);
    List<String> secrets = secrets(function, errors);
    Annotation trigger = triggers.get(0);
    Map<String, Object> triggerModel = new TriggerRules().check(trigger, errors);
    BindingRules.Binding binding = new BindingRules(env).check(method, trigger, errors);
    Map<String, Object> smoke =
        SmokeRules.check(method.getAnnotation(Smoke.class), trigger, errors);
    if (!errors.isEmpty()) {
      return null;
    }
    TypeElement type = (TypeElement) method.getEnclosingElement();
    return new FunctionModel(
        name,
        env.getElementUtils().getBinaryName(type).toString(),
        method.getSimpleName().toString(),
        binding.parameterTypes(),
        binding.payloadIndex(),
        binding.payloadKind(),
        binding.contextIndex(),
        binding.returnKind(),
        function.memoryMb(),
        function.timeoutSeconds(),
        function.maxConcurrency(),
        environment,
        secrets,
        triggerModel,
        function.snapStart(),
        function.minInstances(),
        smoke);
  }

  private static String names(List<Annotation> annotations) {
    List<String> names = new ArrayList<>();
    annotations.forEach(a -> names.add("@" + a.annotationType().getSimpleName()));
    return String.join(", ", names);
  }

  private void checkClassAndMethod(ExecutableElement method, List<String> errors) {
    TypeElement type = (TypeElement) method.getEnclosingElement();
    if (type.getKind() != ElementKind.CLASS) {
      errors.add(
          "functions must be declared in a class, not in "
              + kindName(type.getKind())
              + ". Fix: move the method to a public class");
      return;
    }
    if (type.getNestingKind() != NestingKind.TOP_LEVEL) {
      errors.add(
          "the class "
              + type.getSimpleName()
              + " is nested; functions live in public top-level classes. Fix: move it to a file of"
              + " its own");
    }
    if (!type.getModifiers().contains(Modifier.PUBLIC)) {
      errors.add(
          "the class " + type.getSimpleName() + " is not public. Fix: declare it 'public class'");
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      errors.add(
          "the class "
              + type.getSimpleName()
              + " is abstract and cannot be instantiated. Fix: make it a concrete class");
    }
    boolean hasPublicNoArg =
        ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
            .anyMatch(
                c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
    if (!hasPublicNoArg) {
      errors.add(
          "the class "
              + type.getSimpleName()
              + " has no public no-argument constructor; one instance is created per execution"
              + " environment. Fix: add 'public "
              + type.getSimpleName()
              + "() {}' and initialise dependencies there");
    }
    if (!method.getModifiers().contains(Modifier.PUBLIC)) {
      errors.add("the method is not public. Fix: declare it public");
    }
    if (method.getModifiers().contains(Modifier.STATIC)) {
      errors.add(
          "the method is static; functions are instance methods (the instance is reused across"
              + " invocations). Fix: remove 'static'");
    }
    if (!method.getTypeParameters().isEmpty()) {
      errors.add("the method is generic. Fix: remove its type parameters");
    }
  }

  private static String kindName(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> "a " + kind.toString().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static void checkSettings(Function f, List<String> errors) {
    if (f.memoryMb() < 128 || f.memoryMb() > 10240) {
      errors.add(
          "memoryMb = "
              + f.memoryMb()
              + " is out of range. Fix: set @Function(memoryMb = ...) between 128 and 10240");
    }
    if (f.timeoutSeconds() < 1 || f.timeoutSeconds() > 900) {
      errors.add(
          "timeoutSeconds = "
              + f.timeoutSeconds()
              + " is out of range. Fix: set @Function(timeoutSeconds = ...) between 1 and 900");
    }
    if (f.maxConcurrency() < 0) {
      errors.add(
          "maxConcurrency = "
              + f.maxConcurrency()
              + " is negative. Fix: use 0 for the provider default or a positive limit");
    }
  }

  private static Map<String, String> environment(Function f, List<String> errors) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String pair : f.env()) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (eq < 0 || !ENV_KEY.matcher(key).matches()) {
        errors.add(
            "env entry '"
                + pair
                + "' is invalid. Fix: write KEY=VALUE with a KEY of letters, digits and '_',"
                + " starting with a letter, at least 2 characters");
      } else if (key.startsWith("SKYHOP_")
          || key.startsWith("AWS_")
          || key.startsWith("FUNCTIONS_")) {
        errors.add(
            "env key '"
                + key
                + "' is reserved by Skyhop or a provider. Fix: choose a key that does not start"
                + " with SKYHOP_, AWS_ or FUNCTIONS_");
      } else if (result.put(key, pair.substring(eq + 1)) != null) {
        errors.add("env key '" + key + "' is set twice. Fix: keep one entry per key");
      }
    }
    return result;
  }

  private static List<String> secrets(Function f, List<String> errors) {
    List<String> result = new ArrayList<>();
    for (String name : f.secrets()) {
      if (!SECRET_NAME.matcher(name).matches()) {
        errors.add(
            "secret name '"
                + name
                + "' is invalid: it must match ^[a-z][a-z0-9-]{0,62}$ (1 to 63 lower-case letters,"
                + " digits and hyphens, starting with a letter). Fix: rename it in @Function(secrets"
                + " = {...}), e.g. 'db-password'");
      } else if (result.contains(name)) {
        errors.add(
            "secret '"
                + name
                + "' is declared twice. Fix: list each name once in @Function(secrets"
                + " = {...})");
      } else {
        result.add(name);
      }
    }
    return List.copyOf(result);
  }

  /** {@code getOrder} → {@code get-order}, {@code onURLChange} → {@code on-url-change}. */
  static String kebab(String camel) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char prev = camel.charAt(i - 1);
        boolean nextLower = i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
        if (Character.isLowerCase(prev)
            || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          out.append('-');
        }
      }
      out.append(c == '_' ? '-' : Character.toLowerCase(c));
    }
    return out.toString();
  }
}
