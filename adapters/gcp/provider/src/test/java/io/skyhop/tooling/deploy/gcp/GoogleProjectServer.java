package io.skyhop.tooling.deploy.gcp;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stateful Google project stub ({@link GoogleProjectFake}) for tests outside this package (the
 * integration tests, through this module's test jar): started at a free port, with every function
 * served at {@code <endpoint>/run/<function id>} as the revision its Cloud Run service routes to.
 */
public final class GoogleProjectServer implements AutoCloseable {
  private final GoogleProjectFake google = new GoogleProjectFake();
  private final WireMockServer wm;

  /** Starts the project's server. */
  public GoogleProjectServer() {
    wm = GoogleProject.start(google);
    google.serveFunctionsAt(endpoint() + "/run");
  }

  /** {@code skyhop.gcp.endpoint}: every Google API, and the token endpoint at {@code /token}. */
  public String endpoint() {
    return "http://127.0.0.1:" + wm.port();
  }

  /** Every resource by its path (topics, buckets, functions, services, jobs, accounts…), a copy. */
  public Map<String, JsonObject> resources() {
    synchronized (google) {
      Map<String, JsonObject> copy = new TreeMap<>();
      google.resources.forEach((k, v) -> copy.put(k, v.deepCopy()));
      google.policies.forEach((k, v) -> copy.put(k + "#policy", v.deepCopy()));
      return copy;
    }
  }

  /** The next revision of the function's service answers 500. */
  public void breakNextRevision(String functionId) {
    google.breakNextRevision(functionId);
  }

  /** The calls received since the last {@link #forgetCalls}, oldest first, {@code METHOD path}. */
  public List<String> calls() {
    List<String> calls = new ArrayList<>();
    for (var e : wm.getAllServeEvents()) {
      LoggedRequest r = e.getRequest();
      String method =
          "PATCH".equals(r.getHeader("X-HTTP-Method-Override")) ? "PATCH" : r.getMethod().getName();
      calls.add(0, method + " " + r.getUrl().replaceFirst("\\?.*", ""));
    }
    return calls;
  }

  /** Forgets the calls received so far (not the project's state). */
  public void forgetCalls() {
    wm.resetRequests();
  }

  @Override
  public void close() {
    wm.stop();
  }
}
