package io.skyhop.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestsTest {
  @Test
  void theRawPathComesFromTheUri() {
    assertThat(Requests.rawPath(new FakeHttp.Request("GET", "http://h:8080/a%2Fb/c?x=1#f")))
        .isEqualTo("/a%2Fb/c");
    assertThat(Requests.rawPath(new FakeHttp.Request("GET", "https://h"))).isEqualTo("/");
    assertThat(Requests.rawPath(new FakeHttp.Request("GET", "/p?q"))).isEqualTo("/p");
  }

  @Test
  void parsesCookiesFirstValueWinning() {
    Map<String, String> cookies = new LinkedHashMap<>();
    Requests.cookies("a=1; b=\"two\"; bad; =x", cookies);
    Requests.cookies("a=3;c=", cookies);

    assertThat(cookies)
        .containsExactly(Map.entry("a", "1"), Map.entry("b", "two"), Map.entry("c", ""));
  }

  @Test
  void requestIdsAreVersion4UuidsAndDiffer() {
    UUID first = UUID.fromString(Requests.newRequestId());
    UUID second = UUID.fromString(Requests.newRequestId());

    assertThat(first.version()).isEqualTo(4);
    assertThat(first.variant()).isEqualTo(2);
    assertThat(first).isNotEqualTo(second);
  }
}
