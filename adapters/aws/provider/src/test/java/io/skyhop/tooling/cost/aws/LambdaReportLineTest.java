package io.skyhop.tooling.cost.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Lambda REPORT records in the formats Lambda writes them, text and JSON. */
class LambdaReportLineTest {

  private static final String REQUEST_ID = "8f5c1b2e-3d4a-4e6f-9a7b-1c2d3e4f5a6b";

  private static LambdaReport parse(String line) {
    return LambdaReportLine.parse(line).orElseThrow();
  }

  @Nested
  class TextFormat {

    @Test
    void coldStartWithInitDuration() {
      // as CloudWatch Logs stores it: fields separated by tabs, a trailing tab
      LambdaReport report =
          parse(
              "REPORT RequestId: "
                  + REQUEST_ID
                  + "\tDuration: 1.23 ms\tBilled Duration: 213 ms\tMemory Size: 512 MB"
                  + "\tMax Memory Used: 80 MB\tInit Duration: 210.55 ms\t");
      assertThat(report.requestId()).isEqualTo(REQUEST_ID);
      assertThat(report.durationMs()).isEqualTo(1.23);
      assertThat(report.billedDurationMs()).isEqualTo(213);
      assertThat(report.memorySizeMb()).isEqualTo(512);
      assertThat(report.maxMemoryUsedMb()).isEqualTo(80);
      assertThat(report.initDurationMs()).hasValue(210.55);
      assertThat(report.restoreDurationMs()).isEmpty();
      assertThat(report.billedRestoreDurationMs()).isEmpty();
      assertThat(report.status()).isEmpty();
      assertThat(report.coldStart()).isTrue();
      assertThat(report.format()).isEqualTo(LambdaReport.Format.TEXT);
    }

    @Test
    void spaceSeparatedAsInTheReference() {
      LambdaReport report =
          parse(
              "REPORT RequestId: 3f1e2d4c Duration: 1.23 ms Billed Duration: 2 ms Memory Size:"
                  + " 512 MB Max Memory Used: 80 MB Init Duration: 210.55 ms");
      assertThat(report.requestId()).isEqualTo("3f1e2d4c");
      assertThat(report.durationMs()).isEqualTo(1.23);
      assertThat(report.billedDurationMs()).isEqualTo(2);
      assertThat(report.initDurationMs()).hasValue(210.55);
    }

    @Test
    void warmInvocationWithoutInit() {
      LambdaReport report =
          parse(
              "REPORT RequestId: "
                  + REQUEST_ID
                  + "\tDuration: 3.41 ms\tBilled Duration: 4 ms\tMemory Size: 512 MB"
                  + "\tMax Memory Used: 81 MB\t");
      assertThat(report.durationMs()).isEqualTo(3.41);
      assertThat(report.billedDurationMs()).isEqualTo(4);
      assertThat(report.initDurationMs()).isEmpty();
      assertThat(report.restoreDurationMs()).isEmpty();
      assertThat(report.coldStart()).isFalse();
    }

    @Test
    void snapStartRestoreWithItsBilledRestoreDuration() {
      LambdaReport report =
          parse(
              "REPORT RequestId: 0e5c8424-7c3f-4a57-9b1d-2f6e0a1b3c4d\tDuration: 159.87 ms"
                  + "\tBilled Duration: 278 ms\tMemory Size: 1024 MB\tMax Memory Used: 88 MB"
                  + "\tRestore Duration: 562.43 ms\tBilled Restore Duration: 118 ms\t");
      assertThat(report.durationMs()).isEqualTo(159.87);
      assertThat(report.billedDurationMs()).isEqualTo(278);
      assertThat(report.restoreDurationMs()).hasValue(562.43);
      assertThat(report.billedRestoreDurationMs()).hasValue(118);
      assertThat(report.initDurationMs()).isEmpty();
      assertThat(report.coldStart()).isTrue();
    }

    @Test
    void xrayFieldsAfterTheFiguresAreIgnored() {
      LambdaReport report =
          parse(
              "REPORT RequestId: 24addd09-6e64-49fb-b187-94ba9b60b59a Duration: 127.10 ms"
                  + " Billed Duration: 540 ms Memory Size: 2048 MB Max Memory Used: 212 MB"
                  + " Init Duration: 412.70 ms XRAY TraceId: 1-66d978e5-56c7378e556e94b5461da07c"
                  + " SegmentId: 29c3839e6ecb5895 Sampled: true");
      assertThat(report.durationMs()).isEqualTo(127.10);
      assertThat(report.billedDurationMs()).isEqualTo(540);
      assertThat(report.initDurationMs()).hasValue(412.70);
    }

    @Test
    void aTimeoutCarriesItsStatus() {
      LambdaReport report =
          parse(
              "REPORT RequestId: "
                  + REQUEST_ID
                  + "\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB"
                  + "\tMax Memory Used: 90 MB\tStatus: timeout");
      assertThat(report.status()).hasValue("timeout");
    }

    @Test
    void otherLinesAreNotReports() {
      assertThat(LambdaReportLine.parse("START RequestId: " + REQUEST_ID + " Version: $LATEST"))
          .isEmpty();
      assertThat(LambdaReportLine.parse("END RequestId: " + REQUEST_ID)).isEmpty();
      assertThat(LambdaReportLine.parse("orders: wrote platform.report to the audit log"))
          .isEmpty();
    }

    @Test
    void aReportWithoutBilledDurationIsAnError() {
      assertThatThrownBy(
              () ->
                  LambdaReportLine.parse(
                      "REPORT RequestId: abc Duration: 1.00 ms Memory Size: 128 MB"
                          + " Max Memory Used: 60 MB"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Lambda report without \"Billed Duration\": REPORT RequestId: abc Duration: 1.00 ms"
                  + " Memory Size: 128 MB Max Memory Used: 60 MB");
    }
  }

  @Nested
  class JsonFormat {

    @Test
    void coldStartWithInitDuration() {
      LambdaReport report =
          parse(
              "{\"time\":\"2026-11-26T10:15:30.123Z\",\"type\":\"platform.report\",\"record\":"
                  + "{\"requestId\":\""
                  + REQUEST_ID
                  + "\",\"metrics\":{\"durationMs\":1.23,\"billedDurationMs\":213,"
                  + "\"memorySizeMB\":512,\"maxMemoryUsedMB\":80,\"initDurationMs\":210.55},"
                  + "\"status\":\"success\"}}");
      assertThat(report.requestId()).isEqualTo(REQUEST_ID);
      assertThat(report.durationMs()).isEqualTo(1.23);
      assertThat(report.billedDurationMs()).isEqualTo(213);
      assertThat(report.memorySizeMb()).isEqualTo(512);
      assertThat(report.maxMemoryUsedMb()).isEqualTo(80);
      assertThat(report.initDurationMs()).hasValue(210.55);
      assertThat(report.restoreDurationMs()).isEmpty();
      assertThat(report.status()).hasValue("success");
      assertThat(report.format()).isEqualTo(LambdaReport.Format.JSON);
      assertThat(report.coldStart()).isTrue();
    }

    @Test
    void warmInvocationWithTracingAndNoInit() {
      LambdaReport report =
          parse(
              "{\"time\":\"2026-11-26T10:15:31.004Z\",\"type\":\"platform.report\",\"record\":"
                  + "{\"requestId\":\"6d7c0b8e-1111-4a2b-8c9d-0e1f2a3b4c5d\",\"metrics\":"
                  + "{\"durationMs\":3.41,\"billedDurationMs\":4,\"memorySizeMB\":512,"
                  + "\"maxMemoryUsedMB\":81},\"tracing\":{\"spanId\":\"54565fb41ac79632\","
                  + "\"type\":\"X-Amzn-Trace-Id\",\"value\":\"Root=1-62e900b2-710d76f009d6e7785905"
                  + "449a;Parent=0efbd19962d95b05;Sampled=0\"},\"status\":\"success\"}}");
      assertThat(report.durationMs()).isEqualTo(3.41);
      assertThat(report.billedDurationMs()).isEqualTo(4);
      assertThat(report.initDurationMs()).isEmpty();
      assertThat(report.coldStart()).isFalse();
    }

    @Test
    void snapStartRestore() {
      LambdaReport report =
          parse(
              "{\"time\":\"2026-11-26T08:42:44.080Z\",\"type\":\"platform.report\",\"record\":"
                  + "{\"requestId\":\"d661f7cf-9208-46b9-85b0-213b04a91065\",\"status\":\"success\","
                  + "\"metrics\":{\"durationMs\": 147.156,\"billedDurationMs\": 201,"
                  + " \"memorySizeMB\": 512,\"maxMemoryUsedMB\": 91,\"restoreDurationMs\": 500.795,"
                  + "\"billedRestoreDurationMs\": 53 }}}");
      assertThat(report.durationMs()).isEqualTo(147.156);
      assertThat(report.restoreDurationMs()).hasValue(500.795);
      assertThat(report.billedRestoreDurationMs()).hasValue(53);
      assertThat(report.initDurationMs()).isEmpty();
    }

    @Test
    void otherPlatformEventsAreNotReports() {
      assertThat(
              LambdaReportLine.parse(
                  "{\"time\":\"2026-11-26T10:15:30.000Z\",\"type\":\"platform.start\","
                      + "\"record\":{\"requestId\":\""
                      + REQUEST_ID
                      + "\",\"version\":\"$LATEST\"}}"))
          .isEmpty();
    }

    @Test
    void aReportWithoutMetricsIsAnError() {
      String line =
          "{\"time\":\"2026-11-26T10:15:30.000Z\",\"type\":\"platform.report\","
              + "\"record\":{\"requestId\":\"abc\"}}";
      assertThatThrownBy(() -> LambdaReportLine.parse(line))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Lambda report without \"metrics\": " + line);
    }
  }

  @Nested
  class LogTail {

    @Test
    void findsTheReportAfterTheInvocationsLogLines() {
      String tail =
          "INIT_START Runtime Version: java:17.v38\tRuntime Version ARN:"
              + " arn:aws:lambda:us-east-1::runtime:0123abcd\n"
              + "START RequestId: "
              + REQUEST_ID
              + " Version: $LATEST\n"
              + "2026-11-26T10:15:30.100Z\t"
              + REQUEST_ID
              + "\tINFO\torders: created order 42\n"
              + "END RequestId: "
              + REQUEST_ID
              + "\n"
              + "REPORT RequestId: "
              + REQUEST_ID
              + "\tDuration: 12.50 ms\tBilled Duration: 498 ms\tMemory Size: 512 MB"
              + "\tMax Memory Used: 96 MB\tInit Duration: 485.02 ms\t\n";
      String header = Base64.getEncoder().encodeToString(tail.getBytes(StandardCharsets.UTF_8));

      LambdaReport report = LambdaReportLine.fromLogResult(header).orElseThrow();
      assertThat(report.requestId()).isEqualTo(REQUEST_ID);
      assertThat(report.billedDurationMs()).isEqualTo(498);
      assertThat(report.initDurationMs()).hasValue(485.02);
    }

    @Test
    void findsTheReportInAJsonFormatTail() {
      String tail =
          "{\"time\":\"2026-11-26T10:15:30.000Z\",\"type\":\"platform.start\",\"record\":"
              + "{\"requestId\":\"r-1\",\"version\":\"$LATEST\"}}\n"
              + "{\"timestamp\":\"2026-11-26T10:15:30.010Z\",\"level\":\"INFO\","
              + "\"requestId\":\"r-1\",\"message\":\"orders: created order 42\"}\n"
              + "{\"time\":\"2026-11-26T10:15:30.020Z\",\"type\":\"platform.report\",\"record\":"
              + "{\"requestId\":\"r-1\",\"metrics\":{\"durationMs\":9.8,\"billedDurationMs\":10,"
              + "\"memorySizeMB\":256,\"maxMemoryUsedMB\":70},\"status\":\"success\"}}\n";
      String header = Base64.getEncoder().encodeToString(tail.getBytes(StandardCharsets.UTF_8));

      LambdaReport report = LambdaReportLine.fromLogResult(header).orElseThrow();
      assertThat(report.requestId()).isEqualTo("r-1");
      assertThat(report.billedDurationMs()).isEqualTo(10);
      assertThat(report.initDurationMs()).isEmpty();
    }

    @Test
    void aTailWithoutAReportHasNone() {
      String header =
          Base64.getEncoder()
              .encodeToString("START RequestId: x\n".getBytes(StandardCharsets.UTF_8));
      assertThat(LambdaReportLine.fromLogResult(header)).isEmpty();
    }

    @Test
    void aHeaderThatIsNotBase64IsAnError() {
      assertThatThrownBy(() -> LambdaReportLine.fromLogResult("not base64!"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("X-Amz-Log-Result is not base64: ");
    }
  }
}
