package io.skyhop.test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import io.skyhop.azure.SkyhopFunctions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;

/**
 * Binds an invocation's binding data to an entry method of {@link SkyhopFunctions} as the Azure
 * Java worker does: the {@link ExecutionContext} by type, each {@code @BindingName} parameter from
 * the trigger metadata of that name (as text), the trigger parameter from {@code data} ({@code
 * byte[]} for {@code dataType: binary}, else text).
 */
final class AzureBinder {
  private final SkyhopFunctions entry;

  AzureBinder(SkyhopFunctions entry) {
    this.entry = entry;
  }

  /**
   * Invokes {@code method} with a binding-data document ({@code data} and {@code metadata}).
   *
   * @throws IllegalArgumentException if the document is not a JSON object
   * @throws RuntimeException what the entry method threw
   */
  Object invoke(String method, String bindingData, ExecutionContext context) {
    JsonObject doc = document(bindingData);
    JsonObject metadata = doc.has("metadata") ? doc.getAsJsonObject("metadata") : new JsonObject();
    Method entryMethod = method(method);
    Parameter[] params = entryMethod.getParameters();
    Object[] args = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      Parameter p = params[i];
      BindingName name = p.getAnnotation(BindingName.class);
      if (p.getType() == ExecutionContext.class) {
        args[i] = context;
      } else if (name != null) {
        args[i] = text(metadata.get(name.value()));
      } else {
        String data = text(doc.get("data"));
        args[i] =
            p.getType() == byte[].class
                ? (data == null ? new byte[0] : data.getBytes(StandardCharsets.UTF_8))
                : data;
      }
    }
    try {
      return entryMethod.invoke(entry, args);
    } catch (InvocationTargetException e) {
      throw TargetView.sneaky(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject document(String bindingData) {
    try {
      return JsonParser.parseString(bindingData).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IllegalArgumentException(
          "The Azure binding data is not a JSON object: "
              + e.getMessage()
              + ". Fix: pass {\"data\": …, \"metadata\": {…}} as SampleEvents.azureQueue() shows.");
    }
  }

  private static Method method(String name) {
    for (Method m : SkyhopFunctions.class.getMethods()) {
      if (m.getName().equals(name)) {
        return m;
      }
    }
    throw new IllegalStateException("SkyhopFunctions has no entry method " + name);
  }

  /** A metadata value as the worker passes it to a String parameter: text, or JSON text. */
  private static String text(JsonElement value) {
    if (value == null || value.isJsonNull()) {
      return null;
    }
    return value.isJsonPrimitive() ? value.getAsString() : value.toString();
  }
}
