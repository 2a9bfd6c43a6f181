package io.skyhop.tooling.lab.azure;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

/**
 * The binding a parameter of an entry method takes, as the Azure Java worker finds it: the value of
 * {@code @BindingName}, else the {@code name()} of its binding annotation ({@code @HttpTrigger},
 * {@code @QueueTrigger}…).
 */
final class BindingNames {
  private BindingNames() {}

  /** The binding name of {@code parameter}, or null when it has none. */
  static String of(Parameter parameter) {
    for (Annotation a : parameter.getAnnotations()) {
      Class<? extends Annotation> type = a.annotationType();
      if (!type.getName().startsWith(AzureApi.PACKAGE + "annotation.")) {
        continue;
      }
      String method = type.getSimpleName().equals("BindingName") ? "value" : "name";
      try {
        Method m = type.getMethod(method);
        return (String) m.invoke(a);
      } catch (ReflectiveOperationException | ClassCastException e) {
        // not a binding annotation
      }
    }
    return null;
  }
}
