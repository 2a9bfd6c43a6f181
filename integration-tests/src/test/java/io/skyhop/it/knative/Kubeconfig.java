package io.skyhop.it.knative;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kubeconfig pointing at a mock API server, with a token user and another namespace. */
final class Kubeconfig {
  private Kubeconfig() {}

  /** Writes it; the deployer must take its namespace from skyhop.knative.namespace. */
  static Path write(Path file, String server) throws IOException {
    return Files.writeString(
        file,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: mock",
            "  cluster:",
            "    server: " + server,
            "users:",
            "- name: tester",
            "  user:",
            "    token: not-a-secret",
            "contexts:",
            "- name: mock",
            "  context:",
            "    cluster: mock",
            "    user: tester",
            "    namespace: elsewhere",
            "current-context: mock",
            ""));
  }
}
