package io.skyhop.tooling.invoke;

import com.azure.core.credential.TokenCredential;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.IdTokenCredentials;
import com.google.auth.oauth2.IdTokenProvider;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.DeployRequest;
import io.skyhop.tooling.deploy.DeployResult;
import io.skyhop.tooling.deploy.aws.AwsSettings;
import io.skyhop.tooling.deploy.azure.AzureCredentials;
import io.skyhop.tooling.deploy.azure.AzureSettings;
import io.skyhop.tooling.deploy.azure.SignedPipeline;
import io.skyhop.tooling.deploy.gcp.GcpCredentials;
import io.skyhop.tooling.deploy.gcp.GcpSettings;
import io.skyhop.tooling.pack.Manifest;
import io.skyhop.tooling.pack.ManifestFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * {@code skyhop:invoke -Dskyhop.remote=true} on aws, azure and gcp: an HTTP function through the
 * URL the last deploy recorded, with the target's credentials for {@code Auth.FUNCTION}; a queue
 * function by a message on its physical queue. Credentials come from each provider's standard chain
 * and are never printed.
 */
public final class RemoteInvoke {
  /** The key of the object {@code skyhop:invoke} stores for a storage function. */
  public static final String KEY = "skyhop.key";

  private RemoteInvoke() {}

  /**
   * Invokes a deployed function.
   *
   * @throws ConfigurationException for an unknown function, a missing deploy record, or a trigger
   *     this goal cannot fire yet
   */
  public static Invocation invoke(DeployRequest request, String function, byte[] payload)
      throws Exception {
    Manifest.Function fn =
        ManifestFile.read(request.skyhopDir()).functions().stream()
            .filter(f -> f.name().equals(function))
            .findFirst()
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "skyhop.function",
                        function,
                        "is not a function of this app. Fix: use a name from"
                            + " target/skyhop/manifest.json"));
    try (RemoteTarget target = open(request)) {
      return invoke(target, request, fn, payload);
    }
  }

  static Invocation invoke(
      RemoteTarget target, DeployRequest request, Manifest.Function fn, byte[] payload)
      throws Exception {
    return switch (fn.triggerType()) {
      case "http" -> target.http(fn, url(request, fn.name()), payload);
      case "queue" -> target.queue(fn, payload);
      case "schedule" -> target.schedule(fn);
      case "storage" -> target.storage(fn, objectKey(request), payload);
      default ->
          throw new ConfigurationException(
              "skyhop.function",
              fn.name(),
              "has a "
                  + fn.triggerType()
                  + " trigger, which skyhop:invoke -Dskyhop.remote=true cannot fire on "
                  + request.target().id()
                  + " yet. Fix: invoke it locally as that target would (without skyhop.remote), or"
                  + " wait for its trigger");
    };
  }

  /** The key of the object a storage invocation stores: {@code skyhop.key}, else a new one. */
  static String objectKey(DeployRequest request) {
    return request
        .settings()
        .get(KEY)
        .orElse("skyhop-invoke/" + java.util.UUID.randomUUID() + ".json");
  }

  /** The URL the last deploy recorded for an HTTP function. */
  static String url(DeployRequest request, String function) {
    return record(request).functions().stream()
        .filter(f -> f.name().equals(function))
        .map(DeployResult.Function::endpoint)
        .filter(e -> e != null && e.startsWith("http"))
        .findFirst()
        .orElseThrow(
            () ->
                new ConfigurationException(
                    "skyhop.function",
                    function,
                    "has no URL in " + request.recordFile() + ". Fix: deploy again"));
  }

  /** The function app's host name the last Azure deploy recorded. */
  private static String defaultHostName(DeployRequest request) {
    Object host = record(request).details().get("defaultHostName");
    if (host == null) {
      throw new ConfigurationException(
          "skyhop.target", request.recordFile() + " names no defaultHostName. Fix: deploy again");
    }
    return host.toString();
  }

  /** What the last deploy to the target and stage recorded. */
  static DeployResult record(DeployRequest request) {
    Path record = request.recordFile();
    if (!Files.isRegularFile(record)) {
      throw new ConfigurationException(
          "skyhop.target",
          "No deploy record "
              + record
              + ". Fix: deploy first (mvn deploy -Dskyhop.target="
              + request.target().id()
              + request.settings().get("skyhop.stage").map(s -> " -Dskyhop.stage=" + s).orElse("")
              + ")");
    }
    try {
      DeployResult result = new Gson().fromJson(Files.readString(record), DeployResult.class);
      if (result == null || result.functions() == null) {
        throw new JsonParseException("no functions");
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JsonParseException e) {
      throw new ConfigurationException(
          "skyhop.target", record + " is unreadable. Fix: deploy again");
    }
  }

  private static RemoteTarget open(DeployRequest request) throws Exception {
    return switch (request.target()) {
      case AWS -> {
        AwsSettings aws = AwsSettings.of(request.app(), request.settings());
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        SqsClientBuilder sqs =
            SqsClient.builder()
                .region(Region.of(aws.region()))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder().build());
        LambdaClientBuilder lambda =
            LambdaClient.builder()
                .region(Region.of(aws.region()))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder().build());
        S3ClientBuilder s3 =
            S3Client.builder()
                .region(Region.of(aws.region()))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder().build())
                // an endpoint override (emulator, test stub) cannot serve bucket host names
                .forcePathStyle(aws.endpoint().isPresent());
        aws.endpoint().ifPresent(sqs::endpointOverride);
        aws.endpoint().ifPresent(lambda::endpointOverride);
        aws.endpoint().ifPresent(s3::endpointOverride);
        yield new AwsRemote(
            credentials, aws.region(), sqs.build(), lambda.build(), s3.build(), aws.names());
      }
      case GCP -> {
        GcpSettings gcp = GcpSettings.of(request.settings());
        GoogleCredentials credentials = GcpCredentials.applicationDefault().load();
        yield new GcpRemote(
            audience -> idToken(credentials, audience),
            credentials,
            gcp.endpoint(),
            gcp.project(),
            gcp.region(),
            request.naming().gcp());
      }
      case AZURE -> {
        AzureSettings azure = AzureSettings.of(request.settings(), request.app());
        TokenCredential credential = AzureCredentials.defaultChain(System::getenv);
        boolean publicCloud = azure.endpoint().equals(AzureSettings.PUBLIC_ARM);
        yield new AzureRemote(
            SignedPipeline.of(credential, azure.scope()),
            SignedPipeline.of(credential, "https://storage.azure.com/.default"),
            azure.endpoint() + azure.siteId(),
            publicCloud
                ? "https://" + azure.storageAccount() + ".queue.core.windows.net"
                : azure.endpoint(),
            publicCloud
                ? "https://" + azure.storageAccount() + ".blob.core.windows.net"
                : azure.endpoint(),
            () -> "https://" + defaultHostName(request),
            request.naming().azure());
      }
      default ->
          throw new ConfigurationException(
              "skyhop.target",
              request.target().id(),
              "is not supported by skyhop:invoke -Dskyhop.remote=true yet. Fix: call the Knative"
                  + " Service's URL ('kubectl get ksvc') with the function key in x-functions-key,"
                  + " or invoke locally without skyhop.remote");
    };
  }

  private static String idToken(GoogleCredentials credentials, String audience) {
    if (!(credentials instanceof IdTokenProvider provider)) {
      throw new ConfigurationException(
          "GOOGLE_APPLICATION_CREDENTIALS",
          "The application-default credentials ("
              + credentials.getClass().getSimpleName()
              + ") cannot mint Google ID tokens, which Auth.FUNCTION functions require. Fix: use a"
              + " service-account key (GOOGLE_APPLICATION_CREDENTIALS) or 'gcloud auth"
              + " application-default login --impersonate-service-account=<account>'");
    }
    try {
      IdTokenCredentials id =
          IdTokenCredentials.newBuilder()
              .setIdTokenProvider(provider)
              .setTargetAudience(audience)
              .build();
      id.refresh();
      return id.getIdToken().getTokenValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
