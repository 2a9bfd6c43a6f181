package io.skyhop.it.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.skyhop.it.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The azure package of examples/orders, loaded the way the Azure Java worker loads it (see {@link
 * AzureApp}) and invoked function by function with the inputs the host gives: HTTP requests routed
 * by {@code /api/<route>}, timer information, queue messages with their metadata, blobs with
 * theirs. No hand-written Azure code is involved: the entry points are the adapter's.
 */
class AzureWorkerIT {
  @TempDir static Path scratch;
  private static AzureApp app;

  @BeforeAll
  static void load() throws Exception {
    app = AzureApp.load(Repo.packaged("orders").resolve("azure/orders"), scratch);
  }

  @AfterAll
  static void close() throws IOException {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void everyFunctionHasAFolderAndTheAppCodeComesFromThePackage() throws Exception {
    assertThat(app.functionNames())
        .containsExactly("create-order", "explode", "get", "nightly", "on-order", "on-upload");
    // The test class path holds the orders example too: these must come from the package.
    assertThat(app.appLoader().loadClass("com.example.orders.Orders").getClassLoader())
        .isSameAs(app.appLoader());
    assertThat(app.appLoader().loadClass("io.skyhop.azure.SkyhopFunctions").getClassLoader())
        .isSameAs(app.appLoader());
    assertThat(app.appLoader().loadClass("com.google.gson.Gson").getClassLoader())
        .isSameAs(app.appLoader());
    // The library is the worker's, never the package's.
    assertThat(
            app.appLoader()
                .loadClass("com.microsoft.azure.functions.ExecutionContext")
                .getClassLoader())
        .isSameAs(app.workerLoader());
    try (Stream<Path> lib = Files.list(Repo.packaged("orders").resolve("azure/orders/lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith("azure-functions-java"));
    }
  }

  @Test
  void getReadsThePathParameterAndQuery() {
    Map<String, Object> out =
        app.http("GET", "/api/orders/42?item=gadget", Map.of("Accept", "application/json"), null);

    assertThat(out.get("function")).isEqualTo("get");
    assertThat(out.get("status")).isEqualTo(200);
    assertThat(headers(out)).containsEntry("Content-Type", "application/json");
    assertThat(body(out)).isEqualTo("{\"id\":\"42\",\"item\":\"gadget\",\"quantity\":1}");
    assertThat(logs(out)).containsExactly("INFO get order 42");
  }

  @Test
  void getAnswers404ForUnknownOrders() {
    Map<String, Object> out = app.http("GET", "/api/orders/unknown-7", Map.of(), null);

    assertThat(out.get("status")).isEqualTo(404);
    assertThat(JsonParser.parseString(body(out)).getAsJsonObject().get("error").getAsString())
        .isEqualTo("No order unknown-7");
  }

  @Test
  void createOrderReadsTheJsonBodyAndAnswers201WithLocation() {
    Map<String, Object> out =
        app.http(
            "POST",
            "/api/orders",
            Map.of("Content-Type", "application/json"),
            "{\"item\":\"book\",\"quantity\":2}".getBytes(StandardCharsets.UTF_8));

    assertThat(out.get("function")).isEqualTo("create-order");
    assertThat(out.get("status")).isEqualTo(201);
    var order = JsonParser.parseString(body(out)).getAsJsonObject();
    assertThat(order.get("item").getAsString()).isEqualTo("book");
    assertThat(order.get("quantity").getAsInt()).isEqualTo(2);
    assertThat(headers(out)).containsEntry("Location", "/orders/" + order.get("id").getAsString());
  }

  @Test
  void createOrderAnswers400ForABadBody() {
    Map<String, Object> invalid =
        app.http("POST", "/api/orders", Map.of(), "{\"item\":\"book\",\"quantity\":0}".getBytes());
    Map<String, Object> malformed =
        app.http("POST", "/api/orders", Map.of(), "{not json".getBytes());

    assertThat(invalid.get("status")).isEqualTo(400);
    assertThat(body(invalid)).contains("\"error\":\"quantity must be at least 1\"");
    assertThat(malformed.get("status")).isEqualTo(400);
  }

  @Test
  void aThrowingFunctionAnswers500WithoutTheStackTrace() {
    Map<String, Object> out = app.http("POST", "/api/orders/explode", Map.of(), null);

    assertThat(out.get("function")).isEqualTo("explode");
    assertThat(out.get("status")).isEqualTo(500);
    assertThat(out).doesNotContainKey("threw");
    String invocation =
        JsonParser.parseString(body(out)).getAsJsonObject().get("requestId").getAsString();
    assertThat(body(out))
        .isEqualTo("{\"error\":\"Internal Server Error\",\"requestId\":\"" + invocation + "\"}");
    assertThat(logs(out)).hasSize(1);
    assertThat(logs(out).get(0))
        .startsWith("SEVERE Function 'explode' failed")
        .contains("java.lang.IllegalStateException: the warehouse is on fire")
        .contains("com.example.orders.Orders.explode(Orders.java:");
  }

  @Test
  void theHostRoutesOnlyTheDeclaredMethodsAndTheLiteralRouteFirst() {
    assertThat(app.http("DELETE", "/api/orders/42", Map.of(), null)).containsEntry("status", 404);
    assertThat(app.http("GET", "/api/orders", Map.of(), null)).containsEntry("status", 404);
    assertThat(app.http("GET", "/orders/42", Map.of(), null)).containsEntry("status", 404);
    assertThat(app.http("GET", "/api/orders/explode", Map.of(), null).get("function"))
        .isEqualTo("explode");
  }

  @Test
  void nightlyGetsTheOccurrenceTheHostRuns() {
    Map<String, Object> out =
        app.invoke(
            "nightly",
            "{\"Schedule\":{\"AdjustForDST\":true},\"ScheduleStatus\":{\"Last\":"
                + "\"2026-11-26T03:00:00+00:00\",\"Next\":\"2026-11-27T03:00:00+00:00\","
                + "\"LastUpdated\":\"2026-11-26T03:00:00.0000014+00:00\"},\"IsPastDue\":false}",
            Map.of());

    assertThat(out).doesNotContainKey("threw");
    assertThat(logs(out)).containsExactly("INFO nightly report due at 2026-11-27T03:00:00Z");
  }

  @Test
  void onOrderTakesAQueueMessage() {
    Map<String, Object> out =
        app.invoke(
            "on-order",
            "{\"id\":\"o-1\",\"item\":\"pen\",\"quantity\":3}".getBytes(StandardCharsets.UTF_8),
            Map.of("Id", "5a6c1d3e", "DequeueCount", "1"));

    assertThat(out).doesNotContainKey("threw");
    assertThat(logs(out)).containsExactly("INFO queued order o-1 x3");
  }

  @Test
  void aFailingMessageFailsTheInvocationSoTheHostRetriesIt() {
    Map<String, Object> out =
        app.invoke(
            "on-order",
            "{\"id\":\"o-2\",\"item\":\"pen\",\"quantity\":-1}".getBytes(StandardCharsets.UTF_8),
            Map.of("Id", "5a6c1d3f", "DequeueCount", "2"));

    assertThat(out.get("threw"))
        .isEqualTo(
            "io.skyhop.azure.AzureFunctionException: Function 'on-order' failed:"
                + " java.lang.IllegalArgumentException: negative quantity in order o-2");
  }

  @Test
  void onUploadGetsAStorageEvent() {
    Map<String, Object> out =
        app.invoke(
            "on-upload",
            new byte[] {'%', 'P', 'D', 'F', '-'},
            Map.of(
                "name", "reports/q3.pdf",
                "BlobTrigger", "uploads/reports/q3.pdf",
                "Uri", "https://acct.blob.core.windows.net/uploads/reports/q3.pdf",
                "Properties", "{\"ContentLength\":5,\"ETag\":\"\\\"0x8DC1\\\"\"}"));

    assertThat(out).doesNotContainKey("threw");
    assertThat(logs(out)).containsExactly("INFO uploaded uploads/reports/q3.pdf 5");
  }

  @Test
  void theDeployableZipRunsToo() throws Exception {
    Path unzipped = Files.createDirectories(scratch.resolve("zip/orders"));
    try (ZipInputStream zip =
        new ZipInputStream(
            Files.newInputStream(Repo.packaged("orders").resolve("azure/orders.zip")))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        Path file = unzipped.resolve(e.getName()).normalize();
        assertThat(file.startsWith(unzipped)).as(e.getName()).isTrue();
        Files.createDirectories(file.getParent());
        Files.write(file, zip.readAllBytes());
      }
    }
    assertThat(unzipped.resolve("host.json")).exists();
    try (AzureApp fromZip = AzureApp.load(unzipped, scratch.resolve("zip-worker"))) {
      Map<String, Object> out = fromZip.http("GET", "/api/orders/7", Map.of(), null);
      assertThat(out.get("status")).isEqualTo(200);
      assertThat(body(out)).isEqualTo("{\"id\":\"7\",\"item\":\"widget\",\"quantity\":1}");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> headers(Map<String, Object> out) {
    return (Map<String, String>) out.get("headers");
  }

  private static String body(Map<String, Object> out) {
    Object body = out.get("body");
    return body == null ? "" : new String((byte[]) body, StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static List<String> logs(Map<String, Object> out) {
    return (List<String>) out.get("logs");
  }
}
