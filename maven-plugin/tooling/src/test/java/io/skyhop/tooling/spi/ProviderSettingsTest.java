package io.skyhop.tooling.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.settings.ProviderSetting;
import io.skyhop.tooling.settings.ProviderSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A provider's settings through the SPI: checked, defaulted, handed to packaging. */
class ProviderSettingsTest {
  private final List<TargetProvider> providers = List.of(new TinyFaasProvider());

  @Test
  void fillsInDefaultsAndKeepsEverythingElse() {
    assertThat(
            ProviderSettings.resolve(
                Map.of("skyhop.app", "shop", "skyhop.other.x", "y"), providers))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "skyhop.app",
                "shop",
                "skyhop.other.x",
                "y",
                TinyFaasProvider.URL,
                "http://127.0.0.1:7070"));
    assertThat(ProviderSettings.resolve(Map.of(TinyFaasProvider.URL, "http://h"), providers))
        .containsEntry(TinyFaasProvider.URL, "http://h");
  }

  @Test
  void refusesAnUndeclaredSettingNamingTheKnownOnesButNotTheValue() {
    assertThatThrownBy(
            () ->
                ProviderSettings.resolve(Map.of("skyhop.tinyfaas.urll", "s3cr3t-value"), providers))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.tinyfaas.urll is not a setting of the tinyfaas target. Fix: use one of"
                + " [skyhop.tinyfaas.url, skyhop.tinyfaas.flavour] (docs/settings.md), or remove"
                + " it");
  }

  @Test
  void aSharedSettingGivenForOneTargetIsNotTheProvidersOwn() {
    Map<String, String> values =
        Map.of("skyhop.tinyfaas.region", "eu-1", "skyhop.tinyfaas.resources.orders", "q-orders");
    assertThat(ProviderSettings.resolve(values, providers)).containsAllEntriesOf(values);
    assertThatThrownBy(
            () -> ProviderSettings.resolve(Map.of("skyhop.tinyfaas.resources.", "x"), providers))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void packagingGetsOnlyThePackagingSettings() {
    assertThat(
            ProviderSettings.packaging(
                Map.of("skyhop.tinyfaas.flavour", "slim", "skyhop.app", "shop"), providers))
        .containsExactlyEntriesOf(Map.of("skyhop.tinyfaas.flavour", "slim"));
  }

  @Test
  void aFamilyNameCoversItsMembers() {
    ProviderSetting family = ProviderSetting.of("skyhop.x.endpoint.<service>", "per service");
    assertThat(family.matches("skyhop.x.endpoint.s3")).isTrue();
    assertThat(family.matches("skyhop.x.endpoint")).isFalse();
    assertThat(ProviderSetting.of("skyhop.x.role", "r").matches("skyhop.x.roles")).isFalse();
  }
}
