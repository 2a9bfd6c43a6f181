package io.skyhop.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The standard OpenTelemetry variables, and the messages for the ones Skyhop cannot honour. */
class TraceSettingsTest {
  @Test
  void noEndpointOrDisabledMeansOff() {
    assertThat(TraceSettings.from(Map.of())).isNull();
    assertThat(
            TraceSettings.from(
                Map.of(
                    "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318", "OTEL_SDK_DISABLED", "true")))
        .isNull();
    assertThat(
            TraceSettings.from(
                Map.of(
                    "OTEL_EXPORTER_OTLP_ENDPOINT",
                    "http://c:4318",
                    "OTEL_TRACES_EXPORTER",
                    "none")))
        .isNull();
  }

  @Test
  void theBaseEndpointGetsTheTracesPathTheSignalEndpointIsUsedAsIs() {
    assertThat(
            TraceSettings.from(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318/")).endpoint())
        .isEqualTo(URI.create("http://c:4318/v1/traces"));
    assertThat(
            TraceSettings.from(
                    Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318",
                        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "https://t/otlp/spans"))
                .endpoint())
        .isEqualTo(URI.create("https://t/otlp/spans"));
  }

  @Test
  void headersTimeoutAndServiceName() {
    TraceSettings s =
        TraceSettings.from(
            Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318",
                "OTEL_EXPORTER_OTLP_HEADERS", "api-key=a%3Db, x-team = blue",
                "OTEL_EXPORTER_OTLP_TIMEOUT", "2500",
                "OTEL_SERVICE_NAME", "orders-dev"));

    assertThat(s.headers())
        .containsExactlyInAnyOrderEntriesOf(Map.of("api-key", "a=b", "x-team", "blue"));
    assertThat(s.timeoutMillis()).isEqualTo(2500);
    assertThat(s.serviceName()).isEqualTo("orders-dev");
  }

  @Test
  void grpcIsRefusedNamingTheSettingAndTheFix() {
    assertThatThrownBy(
            () ->
                TraceSettings.from(
                    Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317",
                        "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")))
        .isInstanceOf(TraceSetupException.class)
        .hasMessage(
            "OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported: Skyhop exports spans over OTLP/HTTP"
                + " (JSON). Remove the setting or set it to http/json, and point"
                + " OTEL_EXPORTER_OTLP_ENDPOINT at the receiver's OTLP/HTTP port (4318 on an"
                + " OpenTelemetry Collector).");
  }

  @Test
  void anEndpointThatIsNoHttpUrlIsRefused() {
    assertThatThrownBy(
            () -> TraceSettings.from(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318")))
        .isInstanceOf(TraceSetupException.class)
        .hasMessage(
            "OTEL_EXPORTER_OTLP_ENDPOINT=collector:4318 is not an http(s) URL: set it to the"
                + " OTLP/HTTP receiver, e.g. http://collector:4318.");
  }
}
