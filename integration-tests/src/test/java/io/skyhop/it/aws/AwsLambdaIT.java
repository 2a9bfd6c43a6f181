package io.skyhop.it.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skyhop.it.Repo;
import io.skyhop.tooling.lab.aws.LambdaRuntimeApi.Outcome;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code aws} package of examples/orders, unzipped and run the way Lambda's Java runtime runs
 * it: Amazon's runtime interface client in a fresh JVM per function, talking to a Lambda Runtime
 * API emulator, answering every event family the adapter maps.
 */
class AwsLambdaIT {
  @TempDir static Path work;
  private static AwsPackage orders;

  @BeforeAll
  static void unzip() throws Exception {
    orders = AwsPackage.unzip(Repo.packaged("orders"), work);
  }

  @Test
  void apiGatewayRestEventWithMultiValueQuery() throws Exception {
    try (AwsPackage.Running get = orders.start("get")) {
      Outcome out = get.invokeFixture("apigw-v1-get.json");

      JsonObject r = response(out);
      assertThat(r.get("statusCode").getAsInt()).isEqualTo(200);
      assertThat(r.get("isBase64Encoded").getAsBoolean()).isFalse();
      assertThat(r.getAsJsonObject("headers").get("Content-Type").getAsString())
          .startsWith("application/json");
      assertThat(r.get("body").getAsString())
          .isEqualTo("{\"id\":\"42\",\"item\":\"gadget\",\"quantity\":1}");
      assertThat(get.process.output()).contains("[INFO] get order 42");
    }
  }

  @Test
  void httpApiEventWithBase64BodyAnswers201WithLocation() throws Exception {
    try (AwsPackage.Running create = orders.start("create-order")) {
      JsonObject r = response(create.invokeFixture("http-v2-create-order.json"));

      assertThat(r.get("statusCode").getAsInt()).isEqualTo(201);
      JsonObject order = JsonParser.parseString(r.get("body").getAsString()).getAsJsonObject();
      assertThat(order.get("item").getAsString()).isEqualTo("book");
      assertThat(order.get("quantity").getAsInt()).isEqualTo(2);
      assertThat(r.getAsJsonObject("headers").get("Location").getAsString())
          .isEqualTo("/orders/" + order.get("id").getAsString());
      assertThat(r.has("multiValueHeaders")).isFalse();
    }
  }

  @Test
  void functionUrlEventWithAChosenStatus() throws Exception {
    try (AwsPackage.Running get = orders.start("get")) {
      JsonObject r = response(get.invokeFixture("function-url-get-unknown.json"));

      assertThat(r.get("statusCode").getAsInt()).isEqualTo(404);
      assertThat(r.get("body").getAsString())
          .startsWith("{\"error\":\"No order unknown-7\",\"requestId\":\"");
    }
  }

  @Test
  void albEventsInSingleAndMultiValueMode() throws Exception {
    try (AwsPackage.Running get = orders.start("get")) {
      JsonObject single = response(get.invokeFixture("alb-get.json"));
      JsonObject multi = response(get.invokeFixture("alb-multi-get.json"));

      assertThat(single.get("statusCode").getAsInt()).isEqualTo(200);
      assertThat(single.get("statusDescription").getAsString()).isEqualTo("200 OK");
      assertThat(single.get("body").getAsString())
          .isEqualTo("{\"id\":\"77\",\"item\":\"blue pen\",\"quantity\":1}");
      assertThat(single.has("multiValueHeaders")).isFalse();
      assertThat(multi.get("body").getAsString())
          .isEqualTo("{\"id\":\"78\",\"item\":\"red pen\",\"quantity\":1}");
      assertThat(multi.getAsJsonObject("multiValueHeaders").get("Content-Type").toString())
          .startsWith("[\"application/json");
      assertThat(multi.has("headers")).isFalse();
    }
  }

  @Test
  void aThrowingHttpFunctionAnswers500WithoutTheStackTraceWhichIsLogged() throws Exception {
    try (AwsPackage.Running explode = orders.start("explode")) {
      Outcome out = explode.invokeFixture("function-url-explode.json");

      JsonObject r = response(out);
      assertThat(r.get("statusCode").getAsInt()).isEqualTo(500);
      assertThat(r.get("body").getAsString())
          .isEqualTo(
              "{\"error\":\"Internal Server Error\",\"requestId\":\"" + out.requestId() + "\"}");
      assertThat(out.body()).doesNotContain("warehouse").doesNotContain("at com.example");
      assertThat(explode.process.output())
          .contains("[ERROR] Function 'explode' failed")
          .contains("java.lang.IllegalStateException: the warehouse is on fire")
          .contains("at com.example.orders.Orders.explode(Orders.java:");
    }
  }

  @Test
  void sqsBatchListsTheFailedMessageInBatchItemFailures() throws Exception {
    try (AwsPackage.Running onOrder = orders.start("on-order")) {
      Outcome out = onOrder.invokeFixture("sqs-orders.json");

      assertThat(out.error()).isFalse();
      assertThat(out.body())
          .isEqualTo(
              "{\"batchItemFailures\":[{\"itemIdentifier\":\"7b1d2e3f-0000-4000-8000-00000000bad1\"}]}");
      assertThat(onOrder.process.output())
          .contains("queued order o-1 x2")
          .contains("queued order o-3 x1")
          .contains("negative quantity in order o-2");
    }
  }

  @Test
  void s3NotificationWithAnEncodedKey() throws Exception {
    try (AwsPackage.Running onUpload = orders.start("on-upload")) {
      Outcome out = onUpload.invokeFixture("s3-uploads.json");

      assertThat(out.error()).isFalse();
      assertThat(out.body()).isEqualTo("[\"incoming/order 42(copy).json\"]");
      assertThat(onUpload.process.output())
          .contains("uploaded uploads/incoming/order 42(copy).json 1024");
    }
  }

  @Test
  void eventBridgeScheduledEvent() throws Exception {
    try (AwsPackage.Running nightly = orders.start("nightly")) {
      Outcome out = nightly.invokeFixture("schedule-nightly.json");

      assertThat(out.error()).isFalse();
      assertThat(out.body()).isEqualTo("null");
      assertThat(nightly.process.output()).contains("nightly report due at 2024-05-01T03:00:00Z");
    }
  }

  @Test
  void directInvocationWithAPlainJsonPayload() throws Exception {
    try (AwsPackage.Running create = orders.start("create-order")) {
      Outcome out = create.invoke("{\"item\":\"lamp\",\"quantity\":3}");

      assertThat(out.error()).isFalse();
      JsonObject order = JsonParser.parseString(out.body()).getAsJsonObject();
      assertThat(order.get("item").getAsString()).isEqualTo("lamp");
      assertThat(order.get("quantity").getAsInt()).isEqualTo(3);
    }
  }

  @Test
  void aDirectInvocationThatThrowsIsPostedToTheErrorEndpoint() throws Exception {
    try (AwsPackage.Running onOrder = orders.start("on-order")) {
      Outcome out = onOrder.invoke("{\"id\":\"o-9\",\"item\":\"pen\",\"quantity\":-1}");

      assertThat(out.error()).isTrue();
      // The runtime client's Lambda-Runtime-Function-Error-Type for an exception of user code.
      assertThat(out.errorType()).isEqualTo("Runtime.UserException");
      JsonObject error = JsonParser.parseString(out.body()).getAsJsonObject();
      assertThat(error.get("errorType").getAsString())
          .isEqualTo("java.lang.IllegalArgumentException");
      assertThat(error.get("errorMessage").getAsString())
          .isEqualTo("negative quantity in order o-9");
      // The runtime keeps serving after a user error.
      Outcome next = onOrder.invoke("{\"id\":\"o-10\",\"item\":\"pen\",\"quantity\":1}");
      assertThat(next.error()).isFalse();
      assertThat(next.body()).isEmpty();
    }
  }

  private static JsonObject response(Outcome out) {
    assertThat(out.error()).as("posted to /error: %s", out.body()).isFalse();
    return JsonParser.parseString(out.body()).getAsJsonObject();
  }
}
