package io.skyhop.tooling.deploy.gcp;

import com.google.cloud.functions.v2.Environment;
import com.google.cloud.functions.v2.ListRuntimesResponse;
import com.google.type.Date;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.runtime.JavaRuntime;
import io.skyhop.tooling.runtime.JavaRuntimes;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java runtimes Cloud Functions (2nd gen) offers in the region, as ListRuntimes answers: deploy
 * trusts this answer over the runtime table. A runtime the region does not list (or lists as
 * decommissioned) fails with the list; one near or past its dates warns or fails ({@link
 * JavaRuntimes#checkOffered}).
 */
final class OfferedRuntimes {
  private static final Pattern JAVA = Pattern.compile("java(\\d+)");
  private static final String PROVIDER = "Google Cloud Run functions";

  private OfferedRuntimes() {}

  /** The Java runtimes of a ListRuntimes answer (2nd gen, not decommissioned), by release. */
  static List<JavaRuntime> java(List<ListRuntimesResponse.Runtime> answer, String parent) {
    String source = "ListRuntimes of " + parent;
    return answer.stream()
        .filter(r -> r.getEnvironment() != Environment.GEN_1)
        .filter(r -> r.getStage() != ListRuntimesResponse.RuntimeStage.DECOMMISSIONED)
        .filter(r -> JAVA.matcher(r.getName()).matches())
        .map(
            r -> {
              Matcher m = JAVA.matcher(r.getName());
              m.matches();
              return new JavaRuntime(
                  Target.named("gcp"),
                  PROVIDER,
                  Integer.parseInt(m.group(1)),
                  r.getName(),
                  date(r.hasDeprecationDate(), r.getDeprecationDate()),
                  date(r.hasDecommissionDate(), r.getDecommissionDate()),
                  source);
            })
        .sorted((a, b) -> Integer.compare(a.release(), b.release()))
        .toList();
  }

  private static Optional<LocalDate> date(boolean present, Date date) {
    return present && date.getYear() > 0
        ? Optional.of(LocalDate.of(date.getYear(), date.getMonth(), Math.max(1, date.getDay())))
        : Optional.empty();
  }
}
