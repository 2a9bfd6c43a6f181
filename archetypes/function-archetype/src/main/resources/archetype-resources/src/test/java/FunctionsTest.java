package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skyhop.api.HttpResponse;
import io.skyhop.test.Skyhop;
import io.skyhop.test.SkyhopTest;
import org.junit.jupiter.api.Test;

/** Calls the functions exactly as a target would, without any cloud. */
@SkyhopTest
class FunctionsTest {
  @Test
  void greets(Skyhop skyhop) {
    HttpResponse response = skyhop.get("/hello?name=Ada");
    assertEquals(200, response.status());
    assertEquals("Hello, Ada!", skyhop.read(response, Functions.Greeting.class).message());
  }

  @Test
  void runsTheSchedule(Skyhop skyhop) {
    skyhop.schedule("nightly");
    assertTrue(skyhop.logs().stream().anyMatch(line -> line.contains("nightly run due at")));
  }

  /**
   * One call per target, each through that provider's own event shape and Skyhop adapter: an API
   * Gateway event into the Lambda handler, the Azure worker's HTTP request message, a Google
   * Functions Framework request, the in-house runtime and Knative.
   */
  @Test
  void greetsOnEveryTarget(Skyhop skyhop) {
    for (String target : new String[] {"aws", "azure", "gcp", "local", "knative"}) {
      HttpResponse response = skyhop.target(target).get("/hello?name=Ada");
      assertEquals(200, response.status(), target);
      assertEquals("Hello, Ada!", skyhop.read(response, Functions.Greeting.class).message(), target);
    }
  }

  /** Queue, storage and schedule events too: EventBridge on AWS, a timer on Azure, and so on. */
  @Test
  void runsTheScheduleOnEveryTarget(Skyhop skyhop) {
    for (String target : new String[] {"aws", "azure", "gcp", "local", "knative"}) {
      assertTrue(skyhop.target(target).schedule("nightly").succeeded(), target);
    }
  }
}
