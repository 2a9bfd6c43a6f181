package io.skyhop.it.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import io.skyhop.it.OtlpReceiver;
import io.skyhop.it.Repo;
import io.skyhop.it.TraceAssertions;
import io.skyhop.it.local.LocalFixtureApp;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One trace through Amazon's runtime interface client: a Function URL request without a {@code
 * traceparent} starts a trace in the HTTP function, which sends an SQS {@code SendMessage} (JSON
 * protocol, botocore's model) with its {@code traceparent} as a message attribute to a stand-in
 * queue; the message comes back as the SQS event Lambda's event source mapping delivers to the
 * queue function, which continues the trace. Both spans arrive at an in-process OTLP receiver.
 */
class TraceAwsIT {
  @TempDir Path tmp;

  @Test
  void oneTraceFromTheHttpFunctionThroughSqsIntoTheQueueFunction() throws Exception {
    List<String> sent = new CopyOnWriteArrayList<>();
    HttpServer sqs = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    sqs.createContext(
        "/",
        exchange -> {
          String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
          sent.add(
              target
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] answer =
              ("{\"MD5OfMessageBody\":\"e4e68fb7bd0e697a0ae8f1bb342846b3\","
                      + "\"MD5OfMessageAttributes\":\"00484c68b1b7a8b9c2d1e0f3a4b5c6d7\","
                      + "\"MessageId\":\"5fea7756-0ea4-451a-a703-a558b933e274\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    sqs.start();
    try (OtlpReceiver otlp = OtlpReceiver.start()) {
      AwsPackage traced = traced(otlp, "http://127.0.0.1:" + sqs.getAddress().getPort());

      String traceId;
      try (AwsPackage.Running order = traced.start("order")) {
        String event = fixture("function-url-order.json").replace("@@BODY@@", "order-7");
        JsonObject answer = JsonParser.parseString(order.invoke(event).body()).getAsJsonObject();
        assertThat(answer.get("statusCode").getAsInt()).as(answer.toString()).isEqualTo(200);
        traceId = answer.get("body").getAsString();
      }
      assertThat(sent).hasSize(1);
      assertThat(sent.get(0)).startsWith("AmazonSQS.SendMessage {");
      JsonObject sendMessage =
          JsonParser.parseString(sent.get(0).substring(sent.get(0).indexOf('{'))).getAsJsonObject();
      String traceparent =
          sendMessage
              .getAsJsonObject("MessageAttributes")
              .getAsJsonObject("traceparent")
              .get("StringValue")
              .getAsString();
      assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");

      try (AwsPackage.Running fulfil = traced.start("fulfil")) {
        String event =
            fixture("sqs-traced-orders.json")
                .replace("@@BODY@@", sendMessage.get("MessageBody").getAsString())
                .replace("@@TRACEPARENT@@", traceparent)
                .replace("@@MESSAGE_ID@@", "5fea7756-0ea4-451a-a703-a558b933e274");
        assertThat(fulfil.invoke(event).body()).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(fulfil.process.output()).contains("fulfil order-7 in trace " + traceId);
      }

      OtlpReceiver.Span order = otlp.await("order", Duration.ofSeconds(30));
      OtlpReceiver.Span fulfil = otlp.await("fulfil", Duration.ofSeconds(30));
      TraceAssertions.followed(order, fulfil, traceId, null, "aws");
      assertThat(order.attribute("faas.invocation_id"))
          .as("Lambda's request id")
          .matches("[0-9a-f-]{36}");
    } finally {
      sqs.stop(0);
    }
  }

  private AwsPackage traced(OtlpReceiver otlp, String queue) throws Exception {
    Path work = tmp.resolve("build");
    String version = Repo.version();
    Path skyhop =
        LocalFixtureApp.packageFor(
            "trace",
            "traced",
            work,
            Map.of("@@OTLP@@", otlp.endpoint(), "@@QUEUE@@", queue),
            Map.of(),
            Target.named("aws"),
            List.of(
                new Library(
                    "io.skyhop",
                    "skyhop-aws-lambda",
                    version,
                    LocalFixtureApp.jarOf(io.skyhop.aws.SkyhopHandler.class, work)),
                new Library(
                    "io.skyhop",
                    "skyhop-adapter-core",
                    version,
                    LocalFixtureApp.jarOf(io.skyhop.core.FunctionRuntime.class, work)),
                new Library(
                    "com.google.code.gson",
                    "gson",
                    "2.13.2",
                    LocalFixtureApp.jarOf(com.google.gson.Gson.class, work))));
    return AwsPackage.unzip(skyhop, tmp.resolve("run"));
  }

  private static String fixture(String name) throws Exception {
    return Files.readString(Path.of(TraceAwsIT.class.getResource("/trace/events/" + name).toURI()));
  }
}
