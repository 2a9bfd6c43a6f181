package io.skyhop.it.promote;

import static io.skyhop.it.promote.GreeterReleases.MAVEN;
import static io.skyhop.it.promote.GreeterReleases.artifact;
import static io.skyhop.it.promote.GreeterReleases.goal;
import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.MavenBuild;
import io.skyhop.runtime.testing.RuntimeProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verified deploys and rollback on a real in-house runtime: release 2.0.0 of the greeter works and
 * becomes the last good version; 2.0.1 answers 500, so its deploy fails naming the function and the
 * runtime serves 2.0.0 again; with {@code skyhop.rollback=false} the failed version stays until
 * {@code skyhop:rollback}; {@code skyhop.verify=false} skips the smoke call. After the automatic
 * rollback the deploy record describes 2.0.0, the version serving, and why 2.0.1 was rolled back.
 */
class VerifyRollbackLocalIT {
  private static final String GOOD = "2.0.0";
  private static final String BROKEN = "2.0.1";

  @TempDir Path tmp;

  @Test
  void aFunctionAnswering500FailsTheDeployAndThePreviousVersionServesAgain() throws Exception {
    GreeterReleases.install(GOOD, "local");
    GreeterReleases.install(BROKEN, "local", "-Dskyhop.env.GREETER_BROKEN=true");
    Path data = tmp.resolve("data");
    try (RuntimeProcess runtime = RuntimeProcess.start(data, Map.of())) {
      MavenBuild empty = GreeterReleases.emptyDirectory("verify-rollback-empty");
      List<String> local =
          List.of(
              "-Dskyhop.target=local",
              "-Dskyhop.local.url=" + runtime.baseUrl(),
              "-Dskyhop.local.token=" + runtime.token(),
              "-Dskyhop.local.data=" + data);

      MavenBuild.Result good = empty.run(MAVEN, args(local, goal("deploy"), artifact(GOOD)));
      assertThat(good.succeeded()).as(good + "\n" + good.output()).isTrue();
      assertThat(good.output()).contains("Verified: 1 functions active, HTTP functions answer");
      assertHello(runtime, 200, "hello");

      MavenBuild.Result broken = empty.run(MAVEN, args(local, goal("deploy"), artifact(BROKEN)));
      assertThat(broken.succeeded()).isFalse();
      String url = runtime.baseUrl() + "/greeter/hello";
      assertThat(broken.output())
          .contains("Does not work: hello (GET " + url + " answered 500)")
          .containsPattern(
              "The deploy to local does not work: hello \\(GET "
                  + url
                  + " answered 500\\)\\. Rolled back: greeter version \\S+ \\(the last good deploy:"
                  + " io\\.skyhop\\.it:greeter:2\\.0\\.0 sha256 [0-9a-f]{64}\\) serves again\\."
                  + " Fix: correct the functions named and deploy again");
      assertHello(runtime, 200, "hello");
      String record = Files.readString(empty.dir().resolve("target/skyhop/deploy-local.json"));
      assertThat(record)
          .as("the record describes what serves after the rollback, and why")
          .contains("\"artifact\": \"io.skyhop.it:greeter:2.0.0\"")
          .containsPattern(
              "\"serving\": \"greeter version \\S+ \\(the last good deploy:"
                  + " io\\.skyhop\\.it:greeter:2\\.0\\.0 sha256 [0-9a-f]{64}\\)\"")
          .contains("\"reason\": \"verification failed: hello (GET " + url + " answered 500)\"")
          .contains("\"function\": \"hello\"")
          .containsPattern(
              "\"rolledBack\": \\{\\s+\"artifact\": \"io.skyhop.it:greeter:2.0.1\",\\s+\"sha256\"")
          .contains("\"lastVerifiedRecord\": true");

      MavenBuild.Result kept =
          empty.run(
              MAVEN, args(local, goal("deploy"), artifact(BROKEN), "-Dskyhop.rollback=false"));
      assertThat(kept.succeeded()).isFalse();
      assertThat(kept.output())
          .contains(
              "The deploy to local does not work: hello (GET "
                  + url
                  + " answered 500). The failed version stays deployed (skyhop.rollback=false);"
                  + " 'mvn skyhop:rollback' returns to the last good one. Fix: correct the"
                  + " functions named and deploy again");
      assertHello(runtime, 500, null);

      MavenBuild.Result rollback =
          empty.run(MAVEN, args(local, goal("rollback"), "-Dskyhop.app=greeter"));
      assertThat(rollback.succeeded()).as(rollback + "\n" + rollback.output()).isTrue();
      assertThat(rollback.output())
          .containsPattern(
              "Rolled back: greeter version \\S+ \\(the last good deploy:"
                  + " io\\.skyhop\\.it:greeter:2\\.0\\.0 sha256 [0-9a-f]{64}\\) serves again");
      assertHello(runtime, 200, "hello");

      MavenBuild.Result unverified =
          empty.run(MAVEN, args(local, goal("deploy"), artifact(BROKEN), "-Dskyhop.verify=false"));
      assertThat(unverified.succeeded()).as(unverified + "\n" + unverified.output()).isTrue();
      assertThat(unverified.output())
          .contains("Verified: 1 functions active (smoke calls off: skyhop.verify=false)");
      assertHello(runtime, 500, null);
    }
  }

  private static void assertHello(RuntimeProcess runtime, int status, String body)
      throws Exception {
    HttpResponse<String> hello = runtime.send(runtime.request("/greeter/hello").GET().build());
    assertThat(hello.statusCode()).isEqualTo(status);
    if (body != null) {
      assertThat(hello.body()).isEqualTo(body);
    }
  }

  private static String[] args(List<String> common, String... first) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(common);
    return all.toArray(String[]::new);
  }
}
