package io.skyhop.tooling.deploy.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureSettingsTest {
  static Map<String, String> valid() {
    Map<String, String> m = new HashMap<>();
    m.put("skyhop.azure.subscription", "3f2a1b7c-0000-4000-8000-00000000a2b1");
    m.put("skyhop.azure.resourceGroup", "orders-rg");
    m.put("skyhop.region", "westeurope");
    return m;
  }

  @Test
  void defaultsToPublicArmAndDerivesNames() {
    AzureSettings s = AzureSettings.of(new Settings(valid()), "orders");

    assertThat(s.endpoint()).isEqualTo("https://management.azure.com");
    assertThat(s.scope()).isEqualTo("https://management.azure.com/.default");
    assertThat(s.functionApp()).isEqualTo("orders");
    assertThat(s.plan()).isEqualTo("orders-plan");
    assertThat(s.storageAccount()).matches("orders[0-9a-f]{18}").hasSize(24);
    assertThat(s.siteId())
        .isEqualTo(
            "/subscriptions/3f2a1b7c-0000-4000-8000-00000000a2b1/resourceGroups/orders-rg"
                + "/providers/Microsoft.Web/sites/orders");
    // stable across runs, different per resource group
    assertThat(AzureSettings.storageName("s", "g1", "orders"))
        .isEqualTo(AzureSettings.storageName("s", "g1", "orders"))
        .isNotEqualTo(AzureSettings.storageName("s", "g2", "orders"));
    assertThat(AzureSettings.storageName("s", "g", "a-very-long-application-name-indeed"))
        .hasSize(24)
        .startsWith("averylongapplicat".substring(0, 16));
  }

  @Test
  void endpointOverrideLosesItsTrailingSlash() {
    Map<String, String> m = valid();
    m.put("skyhop.azure.endpoint", "https://127.0.0.1:8443/");

    AzureSettings s = AzureSettings.of(new Settings(m), "orders");

    assertThat(s.endpoint()).isEqualTo("https://127.0.0.1:8443");
    assertThat(s.scope()).isEqualTo("https://127.0.0.1:8443/.default");
  }

  @Test
  void eachMissingSettingIsNamed() {
    for (String property :
        new String[] {"skyhop.azure.subscription", "skyhop.azure.resourceGroup", "skyhop.region"}) {
      Map<String, String> m = valid();
      m.remove(property);
      assertThatThrownBy(() -> AzureSettings.of(new Settings(m), "orders"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith(
              property
                  + " is not set. Fix: pass -D"
                  + property
                  + "=… or set <"
                  + property
                  + "> in the pom's <properties>; ");
    }
  }

  @Test
  void plainHttpEndpointIsRefused() {
    Map<String, String> m = valid();
    m.put("skyhop.azure.endpoint", "http://127.0.0.1:8080");

    assertThatThrownBy(() -> AzureSettings.of(new Settings(m), "orders"))
        .hasMessage(
            "skyhop.azure.endpoint = 'http://127.0.0.1:8080' is not an https URL. Fix: give the ARM"
                + " endpoint as https://host[:port] (Azure's bearer-token policy refuses plain"
                + " http)");
  }

  @Test
  void badNamesAreRefused() {
    Map<String, String> m = valid();
    m.put("skyhop.region", "West Europe");
    assertThatThrownBy(() -> AzureSettings.of(new Settings(m), "orders"))
        .hasMessageStartingWith("skyhop.region = 'West Europe' is not an Azure region name.");

    Map<String, String> n = valid();
    n.put("skyhop.azure.storageAccount", "Orders_Store");
    assertThatThrownBy(() -> AzureSettings.of(new Settings(n), "orders"))
        .hasMessage(
            "skyhop.azure.storageAccount = 'Orders_Store' is not a storage account name. Fix: use"
                + " 3-24 lower-case letters and digits");
  }
}
