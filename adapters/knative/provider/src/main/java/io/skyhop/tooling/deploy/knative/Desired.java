package io.skyhop.tooling.deploy.knative;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.pack.knative.KnativeYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The resources {@code service.yaml} describes, with the registry placeholder replaced: what deploy
 * applies, exactly as packaged.
 *
 * @param services the Knative Services: {@code <app>} for the HTTP functions, {@code <app>-queues}
 *     for the queue functions (each only when the app has such functions)
 * @param cronJobs the CronJobs of the schedule functions
 * @param triggers the Knative Eventing Triggers of the queue functions
 */
record Desired(
    List<Map<String, Object>> services,
    List<Map<String, Object>> cronJobs,
    List<Map<String, Object>> triggers) {

  /**
   * Reads {@code service.yaml}, replacing {@value KnativeYaml#REGISTRY} with {@code registry}.
   *
   * @throws ConfigurationException when the file is not what skyhop:package writes
   */
  @SuppressWarnings("unchecked")
  static Desired read(Path yaml, String registry) throws IOException {
    List<Map<String, Object>> services = new ArrayList<>();
    List<Map<String, Object>> cronJobs = new ArrayList<>();
    List<Map<String, Object>> triggers = new ArrayList<>();
    try {
      Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
      for (Object doc : parser.loadAll(Files.readString(yaml))) {
        if (!(doc instanceof Map<?, ?> map)) {
          continue;
        }
        Map<String, Object> resource = (Map<String, Object>) substitute(map, registry);
        String kind = String.valueOf(resource.get("kind"));
        switch (kind) {
          case "Service" -> services.add(resource);
          case "CronJob" -> cronJobs.add(resource);
          case "Trigger" -> triggers.add(resource);
          default -> throw new YAMLException("unexpected kind " + kind);
        }
      }
    } catch (YAMLException | ClassCastException e) {
      throw new ConfigurationException(
          "skyhop.targets",
          yaml
              + " is not the file skyhop:package writes ("
              + e.getMessage()
              + "). Fix: run 'mvn package' with knative in skyhop.targets");
    }
    return new Desired(List.copyOf(services), List.copyOf(cronJobs), List.copyOf(triggers));
  }

  /** The Service named {@code name}, if the file has it. */
  Optional<Map<String, Object>> service(String name) {
    return services.stream().filter(s -> name.equals(name(s))).findFirst();
  }

  /** A resource's {@code metadata.name}. */
  @SuppressWarnings("unchecked")
  static String name(Map<String, Object> resource) {
    return (String) ((Map<String, Object>) resource.get("metadata")).get("name");
  }

  private static Object substitute(Object value, String registry) {
    if (value instanceof String s) {
      return s.replace(KnativeYaml.REGISTRY, registry);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, substitute(v, registry)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(substitute(v, registry)));
      return copy;
    }
    return value;
  }
}
