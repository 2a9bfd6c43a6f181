package io.skyhop.tooling.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a deploy does to a function's environment: the keys it adds, changes and removes, and the
 * keys someone else set (in a console, by another tool), which it keeps and reports instead of
 * wiping them. Skyhop remembers the keys it set in {@value #MANAGED}, a comma-separated list of
 * names (never values), so a key it set and no longer wants is removed and one it never set is
 * kept. Descriptions hold key names only.
 *
 * @param result the environment to deploy: the wanted one, the kept keys and {@value #MANAGED}
 * @param added keys set for the first time
 * @param changed keys whose value changes
 * @param removed keys Skyhop set before and no longer wants
 * @param kept keys Skyhop did not set, kept as they are
 */
public record EnvChange(
    Map<String, String> result,
    List<String> added,
    List<String> changed,
    List<String> removed,
    List<String> kept) {

  /** The variable listing the keys Skyhop set on a function. */
  public static final String MANAGED = "SKYHOP_ENV_KEYS";

  /** The change from {@code live} (empty for a new function) to {@code wanted}. */
  public static EnvChange of(Map<String, String> live, Map<String, String> wanted) {
    TreeSet<String> managedBefore = new TreeSet<>();
    String list = live.get(MANAGED);
    if (list != null && !list.isBlank()) {
      managedBefore.addAll(Arrays.asList(list.split(",")));
    }
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(wanted).entrySet()) {
      String before = live.get(e.getKey());
      if (before == null) {
        added.add(e.getKey());
      } else if (!before.equals(e.getValue())) {
        changed.add(e.getKey());
      }
    }
    List<String> removed = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    Map<String, String> result = new LinkedHashMap<>(wanted);
    for (String key : new TreeSet<>(live.keySet())) {
      if (wanted.containsKey(key) || key.equals(MANAGED)) {
        continue;
      }
      if (managedBefore.contains(key)) {
        removed.add(key);
      } else {
        kept.add(key);
        result.put(key, live.get(key));
      }
    }
    result.put(MANAGED, String.join(",", new TreeSet<>(wanted.keySet())));
    return new EnvChange(
        Map.copyOf(result),
        List.copyOf(added),
        List.copyOf(changed),
        List.copyOf(removed),
        List.copyOf(kept));
  }

  /** Whether any key is added, changed or removed. */
  public boolean changes() {
    return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
  }

  /**
   * E.g. {@code env +TABLE ~GREETING -OLD} (Skyhop's own {@code SKYHOP_*} keys left out), or empty
   * when no other key changes.
   */
  public String describe() {
    StringBuilder out = new StringBuilder();
    append(out, " +", added);
    append(out, " ~", changed);
    append(out, " -", removed);
    return out.length() == 0 ? "" : "env" + out;
  }

  private static void append(StringBuilder out, String mark, List<String> keys) {
    for (String k : keys) {
      if (!k.startsWith("SKYHOP_")) {
        out.append(mark).append(k);
      }
    }
  }

  /** The warning about kept keys, or empty when there are none. */
  public String keptWarning(String function) {
    if (kept.isEmpty()) {
      return "";
    }
    return function
        + ": keeps environment keys Skyhop did not set: "
        + kept
        + ". Fix: to manage them, put them in src/main/skyhop/<stage>.properties; to drop them,"
        + " remove them in the provider's console";
  }
}
