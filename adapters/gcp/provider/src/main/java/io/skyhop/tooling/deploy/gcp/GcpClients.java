package io.skyhop.tooling.deploy.gcp;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.rpc.ClientSettings;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.functions.v2.FunctionServiceClient;
import com.google.cloud.functions.v2.FunctionServiceSettings;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.ServicesSettings;
import com.google.cloud.scheduler.v1.CloudSchedulerClient;
import com.google.cloud.scheduler.v1.CloudSchedulerSettings;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Google's clients over their HTTP/JSON transport (gRPC cannot be pointed at a plain HTTP stub),
 * with the deploy's credentials and optional endpoint override, created when first used and closed
 * together. The clients' own retries are turned off: {@link Calls} retries every call alike.
 */
final class GcpClients implements AutoCloseable {
  private final GoogleCredentials credentials;
  private final Optional<String> endpoint;
  private FunctionServiceClient functions;
  private CloudSchedulerClient scheduler;
  private ServicesClient run;
  private SecretManagerServiceClient secrets;

  GcpClients(GoogleCredentials credentials, Optional<String> endpoint) {
    this.credentials = credentials;
    this.endpoint = endpoint;
  }

  /** Cloud Functions v2. */
  synchronized FunctionServiceClient functions() throws IOException {
    if (functions == null) {
      FunctionServiceSettings.Builder b = FunctionServiceSettings.newHttpJsonBuilder();
      configure(b);
      b.applyToAllUnaryMethods(
          m -> {
            m.setRetryableCodes(Set.of());
            return null;
          });
      functions = FunctionServiceClient.create(b.build());
    }
    return functions;
  }

  /** Cloud Scheduler v1. */
  synchronized CloudSchedulerClient scheduler() throws IOException {
    if (scheduler == null) {
      CloudSchedulerSettings.Builder b = CloudSchedulerSettings.newHttpJsonBuilder();
      configure(b);
      b.applyToAllUnaryMethods(
          m -> {
            m.setRetryableCodes(Set.of());
            return null;
          });
      scheduler = CloudSchedulerClient.create(b.build());
    }
    return scheduler;
  }

  /** Cloud Run v2, for the IAM policy of each function's service. */
  synchronized ServicesClient run() throws IOException {
    if (run == null) {
      ServicesSettings.Builder b = ServicesSettings.newHttpJsonBuilder();
      configure(b);
      b.applyToAllUnaryMethods(
          m -> {
            m.setRetryableCodes(Set.of());
            return null;
          });
      run = ServicesClient.create(b.build());
    }
    return run;
  }

  /** Secret Manager v1, for the accessor grants on declared secrets and {@code skyhop:secret}. */
  synchronized SecretManagerServiceClient secrets() throws IOException {
    if (secrets == null) {
      SecretManagerServiceSettings.Builder b = SecretManagerServiceSettings.newHttpJsonBuilder();
      configure(b);
      b.applyToAllUnaryMethods(
          m -> {
            m.setRetryableCodes(Set.of());
            return null;
          });
      secrets = SecretManagerServiceClient.create(b.build());
    }
    return secrets;
  }

  private <S extends ClientSettings<S>, B extends ClientSettings.Builder<S, B>> void configure(
      ClientSettings.Builder<S, B> builder) {
    builder.setCredentialsProvider(FixedCredentialsProvider.create(credentials));
    endpoint.ifPresent(builder::setEndpoint);
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable c : new AutoCloseable[] {functions, scheduler, run, secrets}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception ignored) {
          // closing transports: nothing left to do
        }
      }
    }
  }
}
