package io.skyhop.api.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunctionRulesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "getOrder, get-order",
    "onURLChange, on-url-change",
    "HTTPServer, http-server",
    "v2Api, v2-api",
    "snake_case, snake-case",
    "hello, hello",
  })
  void defaultNamesAreTheMethodNameInKebabCase(String method, String name) {
    assertThat(FunctionRules.kebab(method)).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0} valid={1}")
  @CsvSource({
    "ab, true",
    "a1, true",
    "create-order, true",
    "a, false",
    "1ab, false",
    "ab-, false",
    "Ab, false",
    "a_b, false",
    "a23456789012345678901234567890123456789012, true",
    "a234567890123456789012345678901234567890123, false",
  })
  void namesFitEveryProvider(String name, boolean valid) {
    assertThat(FunctionRules.NAME.matcher(name).matches()).isEqualTo(valid);
  }
}
