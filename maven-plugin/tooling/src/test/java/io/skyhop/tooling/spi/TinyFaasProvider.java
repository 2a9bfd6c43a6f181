package io.skyhop.tooling.spi;

import com.google.gson.annotations.SerializedName;
import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionIndex;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.TargetProvider;
import io.skyhop.tooling.cost.Plan;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.Deployer;
import io.skyhop.tooling.lab.ColdStart;
import io.skyhop.tooling.lab.Harness;
import io.skyhop.tooling.lab.Instance;
import io.skyhop.tooling.lab.Invocation;
import io.skyhop.tooling.lab.LabContext;
import io.skyhop.tooling.lab.LabFunction;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.TargetEntry;
import io.skyhop.tooling.pack.TargetPackager;
import io.skyhop.tooling.settings.ProviderSetting;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A target defined only in this test source tree ({@code META-INF/services} in {@code
 * src/test/resources}): "tinyfaas", a made-up FaaS whose control plane takes {@code PUT
 * /functions/<app>-<name>} with the function list as the body. It proves a provider plugs in with
 * no change to shared code.
 */
public final class TinyFaasProvider implements TargetProvider {
  /** The control plane's URL. */
  public static final String URL = "skyhop.tinyfaas.url";

  /** A function's {@code tinyfaas} entry in {@code manifest.json}: its package only. */
  public record TinyFaasEntry(@SerializedName("package") String packagePath)
      implements TargetEntry {
    @Override
    public String runtime() {
      return "tinyfaas";
    }

    @Override
    public Map<String, String> env() {
      return Map.of();
    }
  }

  @Override
  public Target target() {
    return Target.named("tinyfaas");
  }

  @Override
  public List<ProviderSetting> settings() {
    return List.of(
        ProviderSetting.of(URL, "The control plane's URL.").withDefault("http://127.0.0.1:7070"),
        ProviderSetting.of("skyhop.tinyfaas.flavour", "The image flavour.").atPackaging());
  }

  @Override
  public String adapterArtifact() {
    return "skyhop-adapter-core";
  }

  @Override
  public TargetPackager packager() {
    return new TargetPackager() {
      @Override
      public List<Path> pack(PackageRequest request, FunctionIndex index, BuildListener listener)
          throws IOException {
        Path dir = Files.createDirectories(request.targetDir(target()));
        List<String> names = index.functions().stream().map(FunctionDef::name).toList();
        return List.of(Files.writeString(dir.resolve(request.app() + ".txt"), names.toString()));
      }

      @Override
      public TinyFaasEntry manifestEntry(PackageRequest request, FunctionDef function) {
        return new TinyFaasEntry("tinyfaas/" + request.app() + ".txt");
      }

      @Override
      public Class<TinyFaasEntry> entryType() {
        return TinyFaasEntry.class;
      }
    };
  }

  @Override
  public Deployer deployer() {
    return new Deployer() {
      @Override
      public void validate(DeployRequest request) {
        request.settings().require(URL, "pass -D" + URL + "=<control plane URL>");
      }

      @Override
      public DeployResult deploy(DeployRequest request, BuildListener listener) throws Exception {
        String body = Files.readString(request.targetDir().resolve(request.app() + ".txt"));
        List<DeployResult.Function> functions = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        {
          for (String name : body.substring(1, body.length() - 1).split(", ")) {
            URI uri = URI.create(request.settings().get(URL).orElseThrow() + "/functions/" + name);
            HttpResponse<String> answer =
                http.send(
                    HttpRequest.newBuilder(uri)
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
              throw new IOException("tinyfaas: PUT " + uri + " answered " + answer.statusCode());
            }
            functions.add(
                new DeployResult.Function(
                    name, name, DeployResult.Action.CREATED, answer.body(), Map.of()));
          }
        }
        return new DeployResult("tinyfaas", request.app(), "", functions, List.of(), Map.of());
      }

      @Override
      public void remove(DeployRequest request, BuildListener listener) {}
    };
  }

  @Override
  public Harness lab(LabContext lab) {
    return new Harness() {
      @Override
      public Target target() {
        return TinyFaasProvider.this.target();
      }

      @Override
      public String label() {
        return "tinyfaas";
      }

      @Override
      public Instance coldStart(LabFunction function) {
        return new Instance() {
          @Override
          public ColdStart coldStart() {
            return new ColdStart(40, OptionalDouble.of(4), OptionalDouble.of(1));
          }

          @Override
          public Invocation invoke() {
            return new Invocation(1.0, OptionalDouble.of(0.5), "200");
          }

          @Override
          public OptionalLong peakMemoryKb() {
            return OptionalLong.of(2048);
          }

          @Override
          public void close() {}
        };
      }
    };
  }

  @Override
  public List<Plan> plans() {
    return List.of(Plan.LOCAL);
  }
}
