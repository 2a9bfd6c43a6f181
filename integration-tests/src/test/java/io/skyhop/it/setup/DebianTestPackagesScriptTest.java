package io.skyhop.it.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * src/test/sh/debian-test-packages.sh, run with stand-ins for {@code dpkg-query}, {@code id} and
 * {@code apt-get} first on the PATH: nothing is installed on this machine, and every branch runs.
 */
class DebianTestPackagesScriptTest {
  private static final Path SCRIPT = Path.of("src/test/sh/debian-test-packages.sh");

  @TempDir Path bin;

  private record Run(int exit, String output, String aptCalls) {}

  /** A command on the stand-in PATH. */
  private void command(String name, String body) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** dpkg-query answers "installed" for these packages only. */
  private void installed(String... packages) throws IOException {
    StringBuilder cases = new StringBuilder("for last; do :; done\ncase \"$last\" in\n");
    for (String p : packages) {
      cases.append("  ").append(p).append(") printf 'install ok installed'; exit 0;;\n");
    }
    cases.append("esac\necho \"dpkg-query: no packages found matching $last\" >&2\nexit 1");
    command("dpkg-query", cases.toString());
  }

  private void user(int uid) throws IOException {
    command("id", "echo " + uid);
  }

  private Run run() throws Exception {
    command("apt-get", "echo \"$*\" >> " + bin.resolve("apt-calls"));
    ProcessBuilder pb =
        new ProcessBuilder("bash", SCRIPT.toString(), "chromium", "docker-registry", "skopeo")
            .redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":/usr/bin:/bin");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Path calls = bin.resolve("apt-calls");
    return new Run(p.exitValue(), output, Files.exists(calls) ? Files.readString(calls) : "");
  }

  @Test
  void everythingInstalledDoesNothing() throws Exception {
    installed("chromium", "docker-registry", "skopeo");
    user(0);

    Run run = run();

    assertThat(run.exit()).isZero();
    assertThat(run.output())
        .isEqualTo(
            "[skyhop] Debian packages for the integration tests are installed: chromium"
                + " docker-registry skopeo\n");
    assertThat(run.aptCalls()).isEmpty();
  }

  @Test
  void asRootTheMissingOnesAreInstalledAndNamed() throws Exception {
    installed("chromium");
    user(0);

    Run run = run();

    assertThat(run.exit()).isZero();
    assertThat(run.output().lines().toList())
        .containsExactly(
            "[skyhop] Installing Debian packages for the integration tests: apt-get install"
                + " --no-install-recommends docker-registry skopeo",
            "[skyhop] Installed: docker-registry skopeo");
    assertThat(run.aptCalls().lines().toList())
        .isEqualTo(
            List.of("update -qq", "install -y -qq --no-install-recommends docker-registry skopeo"));
  }

  @Test
  void asAnotherUserItFailsNamingThePackagesAndTheFix() throws Exception {
    installed();
    user(1000);

    Run run = run();

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output())
        .isEqualTo(
            "[skyhop] The integration tests need the Debian packages chromium docker-registry"
                + " skopeo, which are not installed, and this build cannot install them (it"
                + " installs them only as root with apt-get). Fix: run 'apt-get install"
                + " --no-install-recommends chromium docker-registry skopeo' as root, then build"
                + " again; or skip the integration tests with -DskipITs.\n");
    assertThat(run.aptCalls()).isEmpty();
  }
}
