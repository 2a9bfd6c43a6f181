package io.skyhop.tooling.deploy.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.functions.v2.Environment;
import com.google.cloud.functions.v2.ListRuntimesResponse;
import com.google.cloud.functions.v2.ListRuntimesResponse.RuntimeStage;
import com.google.type.Date;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.runtime.JavaRuntime;
import io.skyhop.tooling.runtime.JavaRuntimes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deploy trusts the region's ListRuntimes answer over the runtime table. */
class OfferedRuntimesTest {
  private static final String PARENT = "projects/demo/locations/europe-west1";
  private final List<String> messages = new ArrayList<>();
  private final BuildListener listener = BuildListener.collecting(messages);

  private static ListRuntimesResponse.Runtime runtime(
      String name, RuntimeStage stage, Environment env, Date deprecated, Date decommissioned) {
    ListRuntimesResponse.Runtime.Builder b =
        ListRuntimesResponse.Runtime.newBuilder().setName(name).setStage(stage).setEnvironment(env);
    if (deprecated != null) {
      b.setDeprecationDate(deprecated);
    }
    if (decommissioned != null) {
      b.setDecommissionDate(decommissioned);
    }
    return b.build();
  }

  private static Date date(int y, int m, int d) {
    return Date.newBuilder().setYear(y).setMonth(m).setDay(d).build();
  }

  private static final List<ListRuntimesResponse.Runtime> ANSWER =
      List.of(
          runtime("java11", RuntimeStage.DECOMMISSIONED, Environment.GEN_2, null, null),
          runtime("java17", RuntimeStage.GA, Environment.GEN_1, null, null),
          runtime(
              "java17",
              RuntimeStage.DEPRECATED,
              Environment.GEN_2,
              date(2027, 3, 1),
              date(2028, 3, 1)),
          runtime("java21", RuntimeStage.GA, Environment.GEN_2, date(2031, 9, 1), null),
          runtime("python312", RuntimeStage.GA, Environment.GEN_2, null, null));

  @Test
  void keepsTheSecondGenerationJavaRuntimesThatAreNotDecommissioned() {
    assertThat(OfferedRuntimes.java(ANSWER, PARENT))
        .extracting(JavaRuntime::id)
        .containsExactly("java17", "java21");
  }

  @Test
  void theAnswersDatesWinOverTheTable() {
    JavaRuntimes.builtIn()
        .checkOffered(
            Target.named("gcp"),
            17,
            OfferedRuntimes.java(ANSWER, PARENT),
            LocalDate.of(2027, 12, 1),
            listener);

    assertThat(messages)
        .containsExactly(
            "WARNING gcp: Google Cloud Run functions blocks creating functions on java17 from"
                + " 2028-03-01 (deprecated 2027-03-01, creation blocked from 2028-03-01,"
                + " ListRuntimes of projects/demo/locations/europe-west1). Fix: set"
                + " maven.compiler.release to 21 (java21)");
  }

  @Test
  void aRuntimeTheRegionDoesNotListFailsWithWhatItLists() {
    assertThatThrownBy(
            () ->
                JavaRuntimes.builtIn()
                    .checkOffered(
                        Target.named("gcp"),
                        25,
                        OfferedRuntimes.java(ANSWER, PARENT),
                        LocalDate.of(2026, 12, 7),
                        listener))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "maven.compiler.release = '25' has no Google Cloud Run functions Java runtime: it"
                + " offers 17 (java17), 21 (java21) (ListRuntimes of"
                + " projects/demo/locations/europe-west1). Fix: set maven.compiler.release to one"
                + " of those, or leave gcp out of skyhop.targets");
  }

  @Test
  void pastTheDecommissionDateFails() {
    assertThatThrownBy(
            () ->
                JavaRuntimes.builtIn()
                    .checkOffered(
                        Target.named("gcp"),
                        17,
                        OfferedRuntimes.java(ANSWER, PARENT),
                        LocalDate.of(2028, 3, 1),
                        listener))
        .hasMessageContaining("has been blocked since 2028-03-01");
  }
}
