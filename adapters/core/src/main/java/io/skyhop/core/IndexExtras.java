package io.skyhop.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the index records beside each function's binding, all optional (an index without them is
 * read as before): the classes' lifecycle hooks ({@code hooks}) and the functions' cold-start
 * levers ({@code snapStart}, {@code minInstances}) and smoke requests ({@code smoke}).
 */
record IndexExtras(
    Map<String, ClassHooks> hooks, Map<String, Levers> levers, Map<String, SmokeRequest> smoke) {
  static IndexExtras read(Map<String, Object> root) {
    Map<String, ClassHooks> hooks = new LinkedHashMap<>();
    if (root.get("hooks") instanceof List<?> list) {
      for (Object e : list) {
        Map<?, ?> h = (Map<?, ?>) e;
        String className = (String) h.get("class");
        hooks.put(
            className,
            new ClassHooks(className, (String) h.get("prime"), (String) h.get("afterRestore")));
      }
    }
    Map<String, Levers> levers = new LinkedHashMap<>();
    Map<String, SmokeRequest> smoke = new LinkedHashMap<>();
    for (Object e : (List<?>) root.get("functions")) {
      Map<?, ?> f = (Map<?, ?>) e;
      if (f.get("smoke") instanceof Map<?, ?> s) {
        smoke.put(
            (String) f.get("name"),
            new SmokeRequest(
                (String) s.get("path"), (String) s.get("method"), (String) s.get("body")));
      }
      boolean snapStart = Boolean.TRUE.equals(f.get("snapStart"));
      Object min = f.get("minInstances");
      int minInstances =
          min instanceof JsonValues.Number n
              ? Integer.parseInt(n.text())
              : Levers.NONE.minInstances();
      if (snapStart || minInstances > 0) {
        levers.put((String) f.get("name"), new Levers(snapStart, minInstances));
      }
    }
    return new IndexExtras(
        Collections.unmodifiableMap(hooks),
        Collections.unmodifiableMap(levers),
        Collections.unmodifiableMap(smoke));
  }
}
