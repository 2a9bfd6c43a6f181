package io.skyhop.runtime.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BundleExtractorTest {
  @Test
  void plainRelativeNamesPass() throws BadBundleException {
    assertThat(BundleExtractor.checkName("com/example/A.class")).isEqualTo("com/example/A.class");
    assertThat(BundleExtractor.checkName("lib\\a.jar")).isEqualTo("lib/a.jar");
    assertThat(BundleExtractor.checkName("weird..name/ok")).isEqualTo("weird..name/ok");
  }

  @Test
  void namesThatEscapeAreRefusedByName() {
    assertThatThrownBy(() -> BundleExtractor.checkName("lib/../../etc/cron.d/x"))
        .isInstanceOf(BadBundleException.class)
        .hasMessage(
            "Bundle entry 'lib/../../etc/cron.d/x' is not a plain relative path: entries must be"
                + " relative paths without '..'. The bundle was refused; package it with"
                + " skyhop:package.");
    assertThatThrownBy(() -> BundleExtractor.checkName("..\\evil"))
        .hasMessageStartingWith("Bundle entry '..\\evil' is not a plain relative path");
    assertThatThrownBy(() -> BundleExtractor.checkName("/etc/passwd"))
        .hasMessageStartingWith("Bundle entry '/etc/passwd' is an absolute path");
    assertThatThrownBy(() -> BundleExtractor.checkName("C:/Windows/x"))
        .hasMessageStartingWith("Bundle entry 'C:/Windows/x' is an absolute path");
  }
}
