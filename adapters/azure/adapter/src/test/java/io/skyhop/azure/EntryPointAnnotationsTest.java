package io.skyhop.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.functions.ExecutionContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worker binds parameters by the {@code name()} of their binding annotation (or by
 * {@code @BindingName}) and injects {@link ExecutionContext} by type; these names are the contract
 * with the generated function.json files.
 */
class EntryPointAnnotationsTest {
  @Test
  void eachEntryMethodNamesItsBindings() {
    assertThat(bindings("http")).containsExactly("HttpTrigger req", "ExecutionContext");
    assertThat(bindings("timer")).containsExactly("TimerTrigger timer", "ExecutionContext");
    assertThat(bindings("queue"))
        .containsExactly(
            "QueueTrigger message",
            "BindingName Id",
            "BindingName DequeueCount",
            "ExecutionContext");
    assertThat(bindings("blob"))
        .containsExactly(
            "BlobTrigger content",
            "BindingName name",
            "BindingName BlobTrigger",
            "BindingName Properties",
            "ExecutionContext");
  }

  @Test
  void onlyHttpReturnsAValue() {
    assertThat(method("http").getReturnType().getSimpleName()).isEqualTo("HttpResponseMessage");
    for (String name : List.of("timer", "queue", "blob")) {
      assertThat(method(name).getReturnType()).isEqualTo(void.class);
    }
  }

  private static Method method(String name) {
    return Arrays.stream(SkyhopFunctions.class.getMethods())
        .filter(m -> m.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> bindings(String methodName) {
    List<String> out = new ArrayList<>();
    for (Parameter p : method(methodName).getParameters()) {
      if (p.getType() == ExecutionContext.class) {
        out.add("ExecutionContext");
        continue;
      }
      for (Annotation a : p.getAnnotations()) {
        String type = a.annotationType().getSimpleName();
        try {
          String attribute = type.equals("BindingName") ? "value" : "name";
          out.add(type + " " + a.annotationType().getMethod(attribute).invoke(a));
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
    return out;
  }
}
