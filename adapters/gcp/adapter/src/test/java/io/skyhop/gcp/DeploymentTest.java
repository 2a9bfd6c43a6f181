package io.skyhop.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.core.UnknownFunctionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentTest {
  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void entryNamesAreTheEntryClasses() {
    assertThat(Deployment.Entry.HTTP.className).isEqualTo(SkyhopHttpFunction.class.getName());
    assertThat(Deployment.Entry.CLOUD_EVENT.className)
        .isEqualTo(SkyhopEventFunction.class.getName());
  }

  @Test
  void aMissingFunctionVariableNamesItAndTheChoices() {
    assertThatThrownBy(() -> new SkyhopHttpFunction(Map.of(), loader, System.out))
        .isInstanceOf(GcpSetupException.class)
        .hasMessage(
            "The environment variable SKYHOP_FUNCTION is not set: it names the Skyhop function this"
                + " Cloud Function serves. Fix: set SKYHOP_FUNCTION to one of [echo, create, boom,"
                + " tick, job, file] (the Skyhop Maven plugin writes it into manifest.json under"
                + " targets.gcp.env).");
  }

  @Test
  void anUnknownFunctionNamesTheVariable() {
    assertThatThrownBy(
            () -> new SkyhopEventFunction(Map.of("SKYHOP_FUNCTION", "nope"), loader, System.out))
        .isInstanceOf(UnknownFunctionException.class)
        .hasMessageContaining("No function named 'nope'")
        .hasMessageContaining("Fix: set SKYHOP_FUNCTION to one of those names");
  }

  @Test
  void anEventFunctionBehindTheHttpEntryPointIsRefused() {
    assertThatThrownBy(
            () -> new SkyhopHttpFunction(Map.of("SKYHOP_FUNCTION", "job"), loader, System.out))
        .isInstanceOf(GcpSetupException.class)
        .hasMessage(
            "Function 'job' has a queue trigger, served by entry point"
                + " io.skyhop.gcp.SkyhopEventFunction (signature type cloudevent), but this Cloud"
                + " Function runs io.skyhop.gcp.SkyhopHttpFunction. Fix: deploy it with the"
                + " entryPoint that manifest.json gives under targets.gcp.");
  }

  @Test
  void aScheduleBehindTheEventEntryPointIsRefused() {
    assertThatThrownBy(
            () -> new SkyhopEventFunction(Map.of("SKYHOP_FUNCTION", "tick"), loader, System.out))
        .isInstanceOf(GcpSetupException.class)
        .hasMessageStartingWith(
            "Function 'tick' has a schedule trigger, served by entry point"
                + " io.skyhop.gcp.SkyhopHttpFunction (signature type http)");
  }
}
