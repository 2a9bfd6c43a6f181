package io.skyhop.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplateTest {
  @Test
  void matchesLiteralAndParameterSegments() {
    PathTemplate template = new PathTemplate("/orders/{id}/lines/{line}");

    assertThat(template.parameters()).containsExactly("id", "line");
    assertThat(template.match("/orders/42/lines/7")).contains(Map.of("id", "42", "line", "7"));
    assertThat(template.match("/orders/42/items/7")).isEmpty();
    assertThat(template.match("/orders/42/lines")).isEmpty();
    assertThat(template.match("/orders/42/lines/7/x")).isEmpty();
  }

  @Test
  void decodesParametersButKeepsPlusAsPlus() {
    PathTemplate template = new PathTemplate("/files/{name}");

    assertThat(template.match("/files/a%20b+c%2Fd")).contains(Map.of("name", "a b+c/d"));
    assertThat(template.match("/files/%C3%A9t%C3%A9")).contains(Map.of("name", "été"));
  }

  @Test
  void literalSegmentsCompareDecoded() {
    assertThat(new PathTemplate("/a b").match("/a%20b")).contains(Map.of());
  }

  @Test
  void aMalformedEscapeMatchesNothing() {
    assertThat(new PathTemplate("/files/{name}").match("/files/%zz")).isEmpty();
  }

  @Test
  void anEmptyParameterSegmentDoesNotMatch() {
    PathTemplate template = new PathTemplate("/orders/{id}");

    assertThat(template.match("/orders/")).isEmpty();
    assertThat(template.match("/orders//")).isEmpty();
  }

  @Test
  void aTrailingSlashIsTolerated() {
    assertThat(new PathTemplate("/orders").match("/orders/")).contains(Map.of());
  }

  @Test
  void rootMatchesOnlyRoot() {
    PathTemplate root = new PathTemplate("/");

    assertThat(root.match("/")).contains(Map.of());
    assertThat(root.match("")).contains(Map.of());
    assertThat(root.match("/x")).isEmpty();
  }

  @Test
  void moreLiteralsThenEarlierLiteralsAreMoreSpecific() {
    PathTemplate special = new PathTemplate("/shop/special");
    PathTemplate byId = new PathTemplate("/shop/{id}");
    PathTemplate early = new PathTemplate("/a/b/{y}");
    PathTemplate late = new PathTemplate("/a/{x}/c");

    assertThat(PathTemplate.bySpecificity(special, byId)).isNegative();
    assertThat(PathTemplate.bySpecificity(byId, special)).isPositive();
    assertThat(PathTemplate.bySpecificity(early, late)).isNegative();
    assertThat(PathTemplate.bySpecificity(late, early)).isPositive();
    assertThat(PathTemplate.bySpecificity(byId, new PathTemplate("/shop/{key}"))).isZero();
  }
}
