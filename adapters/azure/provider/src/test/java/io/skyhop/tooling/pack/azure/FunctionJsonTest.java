package io.skyhop.tooling.pack.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.api.Auth;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.StorageEvent;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionIndex;
import io.skyhop.core.PathTemplate;
import io.skyhop.core.Trigger;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionJsonTest {
  private static FunctionDef function(String name, Trigger trigger, Map<String, String> env) {
    return new FunctionDef(
        name,
        "app.Things",
        "m",
        List.of(),
        -1,
        null,
        -1,
        FunctionDef.ReturnKind.VOID,
        512,
        30,
        0,
        env,
        trigger);
  }

  @Test
  void theRouteIsThePathWithoutItsLeadingSlash() {
    Trigger.Http http =
        new Trigger.Http(new PathTemplate("/a/{b}/c"), List.of(HttpMethod.GET), Auth.ANONYMOUS);

    assertThat(FunctionJson.route(function("f", http, Map.of()), http)).isEqualTo("a/{b}/c");
  }

  @Test
  void theRootPathCannotBeAnAzureRoute() {
    Trigger.Http http =
        new Trigger.Http(new PathTemplate("/"), List.of(HttpMethod.GET), Auth.ANONYMOUS);

    assertThatThrownBy(() -> FunctionJson.bindings(function("home", http, Map.of()), quiet()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "@HttpTrigger(path) = '/' of function 'home' cannot be served by Azure Functions: an"
                + " empty route means the function name there. Fix: give the function a path with"
                + " at least one segment, e.g. \"/home\", or remove azure from skyhop.targets");
  }

  @Test
  void deletionsAloneCannotTriggerABlobFunction() {
    Trigger.Storage storage = new Trigger.Storage("files", List.of(StorageEvent.Type.DELETED));

    assertThatThrownBy(() -> FunctionJson.bindings(function("gone", storage, Map.of()), quiet()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "@StorageTrigger(events) = '[DELETED]' of function 'gone' cannot be served by Azure"
                + " Functions: a blob trigger fires only when a blob is created or overwritten."
                + " Fix: listen to CREATED, or remove azure from skyhop.targets");
  }

  @Test
  void oneAppSettingCannotHoldTwoValues() {
    String index =
        "{'version':1,'functions':["
            + entry("a", "{'LEVEL':'debug'}")
            + ","
            + entry("b", "{'LEVEL':'info'}")
            + "]}";
    String json = index.replace('\'', '"'); // the index is strict JSON, as the processor writes it

    assertThatThrownBy(() -> AzurePackager.appSettings(FunctionIndex.parse(new StringReader(json))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "@Function(env) = 'LEVEL=info' in function 'b' conflicts with LEVEL=debug in function"
                + " 'a': an Azure app has one set of app settings for all its functions. Fix: give"
                + " both functions the same value, or use different names");
  }

  private static String entry(String name, String env) {
    return "{'name':'"
        + name
        + "','class':'app.Things','method':'"
        + name
        + "','parameterTypes':[],'payloadIndex':-1,'payloadKind':null,'contextIndex':-1,"
        + "'returnKind':'VOID','memoryMb':512,'timeoutSeconds':30,'maxConcurrency':0,'env':"
        + env
        + ",'trigger':{'type':'queue','queue':'q-"
        + name
        + "'}}";
  }

  private static BuildListener quiet() {
    return new BuildListener() {
      @Override
      public void info(String message) {}

      @Override
      public void warn(String message) {}
    };
  }
}
