package io.skyhop.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.core.UnknownFunctionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkyhopHandlerTest {
  private static final String KNOWN = "[echo, binary, boom, work, batch, files, tick, direct]";

  @Test
  void aMissingFunctionNameIsAnInitErrorNamingTheVariableAndTheFix() {
    assertThatThrownBy(() -> new SkyhopHandler(Map.of(), getClass().getClassLoader()))
        .isInstanceOf(FunctionSelectionException.class)
        .hasMessage(
            "The environment variable SKYHOP_FUNCTION is not set, so this Lambda function does"
                + " not know which Skyhop function to serve. Fix: set SKYHOP_FUNCTION to one of "
                + KNOWN
                + " in the function's environment (skyhop:package writes it into"
                + " target/skyhop/aws/template.yaml and manifest.json for every function).");
  }

  @Test
  void anUnknownFunctionNameIsAnInitErrorNamingTheVariableAndTheFix() {
    assertThatThrownBy(
            () -> new SkyhopHandler(Map.of("SKYHOP_FUNCTION", "nope"), getClass().getClassLoader()))
        .isInstanceOf(UnknownFunctionException.class)
        .hasMessage(
            "No function named 'nope' in this package; it holds "
                + KNOWN
                + ". Fix: set SKYHOP_FUNCTION to one of those names (the Skyhop Maven plugin"
                + " writes it into each target's configuration), or repackage after renaming.");
  }

  @Test
  void directInvocationBindsThePlainPayloadAndAnswersJson() throws Exception {
    Invoker direct = new Invoker("direct");

    assertThat(direct.invoke("{\"id\":\"d1\",\"n\":21}")).isEqualTo("{\"id\":\"d1\",\"n\":42}");
  }

  @Test
  void aDirectInvocationOfAnHttpFunctionAnswersTheResponseBody() throws Exception {
    Invoker echo = new Invoker("echo");

    assertThat(echo.invoke("{\"hello\":1}")).isEqualTo("{\"hello\":1}");
  }

  @Test
  void aUserExceptionInADirectInvocationPropagatesToTheRuntime() {
    Invoker work = new Invoker("work");

    assertThatThrownBy(() -> work.invoke("{\"id\":\"d2\",\"n\":-5}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negative n in d2");
  }

  @Test
  void aCheckedUserExceptionIsWrappedWithItsCause() {
    Invoker direct = new Invoker("direct");

    assertThatThrownBy(() -> direct.invoke("{\"id\":\"d3\",\"n\":0}"))
        .isInstanceOf(FunctionInvocationException.class)
        .hasMessage("Function 'direct' failed: java.lang.Exception: checked failure")
        .cause()
        .hasMessage("checked failure");
  }

  @Test
  void anEventOfAnotherTriggerKindFailsNamingTheMiswiring() {
    Invoker work = new Invoker("work");

    assertThatThrownBy(() -> work.invoke(Invoker.fixture("schedule.json")))
        .isInstanceOf(WrongEventException.class)
        .hasMessage(
            "Function 'work' has a queue trigger but received an EventBridge scheduled event."
                + " Fix: connect this event source to the function whose trigger takes it (see"
                + " target/skyhop/aws/template.yaml), or invoke this function directly with a"
                + " plain JSON payload.");
  }

  @Test
  void eventKindsAreToldApartByShape() {
    assertThat(kind("apigw-v1.json")).isEqualTo(EventKind.API_GATEWAY_V1);
    assertThat(kind("http-v2.json")).isEqualTo(EventKind.HTTP_API_V2);
    assertThat(kind("function-url.json")).isEqualTo(EventKind.HTTP_API_V2);
    assertThat(kind("alb.json")).isEqualTo(EventKind.ALB);
    assertThat(kind("alb-multi.json")).isEqualTo(EventKind.ALB);
    assertThat(kind("sqs.json")).isEqualTo(EventKind.SQS);
    assertThat(kind("s3.json")).isEqualTo(EventKind.S3);
    assertThat(kind("schedule.json")).isEqualTo(EventKind.SCHEDULE);
    assertThat(EventKind.of(com.google.gson.JsonParser.parseString("{\"id\":\"x\",\"n\":1}")))
        .isEqualTo(EventKind.DIRECT);
    assertThat(EventKind.of(com.google.gson.JsonParser.parseString("[1,2]")))
        .isEqualTo(EventKind.DIRECT);
  }

  private static EventKind kind(String fixture) {
    return EventKind.of(com.google.gson.JsonParser.parseString(Invoker.fixture(fixture)));
  }
}
