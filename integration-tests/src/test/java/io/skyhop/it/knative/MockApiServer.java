package io.skyhop.it.knative;

import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's Kubernetes mock server in CRUD mode, knowing Knative Serving's {@code Service}, on an
 * ephemeral loopback port, as a process of its own ({@link MockApi} starts it): it prints {@code
 * port=N} and serves until its standard input closes or {@code args[0]} seconds pass.
 */
public final class MockApiServer {
  private MockApiServer() {}

  /** Runs the server. */
  public static void main(String[] args) throws IOException, InterruptedException {
    CustomResourceDefinitionContext knative =
        new CustomResourceDefinitionContext.Builder()
            .withGroup("serving.knative.dev")
            .withVersion("v1")
            .withKind("Service")
            .withPlural("services")
            .withScope("Namespaced")
            .build();
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(List.of(knative)),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    Thread recorder =
        new Thread(
            () -> {
              try {
                while (true) {
                  var r = server.takeRequest();
                  // one line per call, for tests that check calls against a policy
                  System.err.println(
                      "request "
                          + r.getMethod()
                          + " "
                          + r.getPath()
                          + " "
                          + r.getHeader("User-Agent"));
                }
              } catch (InterruptedException e) {
                // shutting down
              }
            });
    recorder.setDaemon(true);
    recorder.start();
    System.out.println("port=" + server.getPort());
    System.out.flush();
    long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[0]));
    Thread watchdog =
        new Thread(
            () -> {
              try {
                while (System.in.read() >= 0) {
                  // until the test closes our input
                }
              } catch (IOException e) {
                // the test is gone
              }
            });
    watchdog.setDaemon(true);
    watchdog.start();
    while (watchdog.isAlive() && System.nanoTime() < limit) {
      Thread.sleep(100);
    }
    server.destroy();
    System.exit(0);
  }
}
