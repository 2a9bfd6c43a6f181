package io.skyhop.api.processor;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Writes the index as JSON; the SDK has no dependencies, and the shapes here are few and fixed. */
final class IndexJson {
  private IndexJson() {}

  static String write(List<FunctionModel> functions) {
    return write(functions, List.of());
  }

  static String write(List<FunctionModel> functions, List<HookRules.HookModel> hooks) {
    StringBuilder out = new StringBuilder("{\n  \"version\": 1,\n  \"functions\": [");
    for (int i = 0; i < functions.size(); i++) {
      FunctionModel f = functions.get(i);
      out.append(i == 0 ? "\n    {" : ",\n    {");
      field(out, "name", f.name()).append(", ");
      field(out, "class", f.className()).append(", ");
      field(out, "method", f.methodName()).append(",\n      ");
      field(out, "parameterTypes", f.parameterTypes()).append(",\n      ");
      field(out, "payloadIndex", f.payloadIndex()).append(", ");
      field(out, "payloadKind", f.payloadKind()).append(", ");
      field(out, "contextIndex", f.contextIndex()).append(", ");
      field(out, "returnKind", f.returnKind()).append(",\n      ");
      field(out, "memoryMb", f.memoryMb()).append(", ");
      field(out, "timeoutSeconds", f.timeoutSeconds()).append(", ");
      field(out, "maxConcurrency", f.maxConcurrency()).append(", ");
      field(out, "env", f.env()).append(",\n      ");
      if (!f.secrets().isEmpty()) {
        // only when declared: the index of a project without secrets stays as it was
        field(out, "secrets", f.secrets()).append(",\n      ");
      }
      // levers too: the index of a project that sets none stays as it was
      if (f.snapStart()) {
        field(out, "snapStart", true).append(", ");
      }
      if (f.minInstances() > 0) {
        field(out, "minInstances", f.minInstances()).append(", ");
      }
      field(out, "trigger", f.trigger());
      if (f.smoke() != null) {
        // only with @Smoke: the index of a project without one stays as it was
        field(out.append(",\n      "), "smoke", f.smoke());
      }
      out.append('}');
    }
    out.append("\n  ]");
    if (!hooks.isEmpty()) {
      out.append(",\n  \"hooks\": [");
      for (int i = 0; i < hooks.size(); i++) {
        HookRules.HookModel h = hooks.get(i);
        out.append(i == 0 ? "\n    {" : ",\n    {");
        field(out, "class", h.className());
        if (h.prime() != null) {
          field(out.append(", "), "prime", h.prime());
        }
        if (h.afterRestore() != null) {
          field(out.append(", "), "afterRestore", h.afterRestore());
        }
        out.append('}');
      }
      out.append("\n  ]");
    }
    return out.append("\n}\n").toString();
  }

  private static StringBuilder field(StringBuilder out, String name, Object value) {
    string(out, name).append(": ");
    return value(out, value);
  }

  private static StringBuilder value(StringBuilder out, Object value) {
    if (value == null) {
      return out.append("null");
    }
    if (value instanceof Number || value instanceof Boolean) {
      return out.append(value);
    }
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(first ? "" : ", ");
        first = false;
        field(out, String.valueOf(e.getKey()), e.getValue());
      }
      return out.append('}');
    }
    if (value instanceof Collection<?> items) {
      out.append('[');
      boolean first = true;
      for (Object item : items) {
        out.append(first ? "" : ", ");
        first = false;
        value(out, item);
      }
      return out.append(']');
    }
    return string(out, value.toString());
  }

  private static StringBuilder string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }
}
