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
}
