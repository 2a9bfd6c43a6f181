package io.skyhop.tooling.deploy.aws;

import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.deploy.ResourceBindings;
import io.skyhop.tooling.deploy.Settings;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.aws.AwsNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of an AWS deploy, checked before any call.
 *
 * @param app the app name, prefix of every resource name
 * @param region the AWS region ({@code skyhop.region})
 * @param endpoint the endpoint override for every client ({@code skyhop.aws.endpoint}), for tests,
 *     emulators and sovereign clouds
 * @param role the execution role ARN the user chose ({@code skyhop.aws.role}); absent: Skyhop
 *     creates and reuses {@link #createdRoleName()}
 * @param naming the app and stage ({@code skyhop.stage}) every name derives from
 * @param bindings the queues and buckets the user brings ({@code skyhop.resources.<logical>})
 * @param serviceEndpoints per-service endpoint overrides ({@code skyhop.aws.endpoint.sqs}, {@code
 *     skyhop.aws.endpoint.s3}), e.g. to reach ElasticMQ and S3Mock while the control plane is
 *     stubbed
 */
public record AwsSettings(
    String app,
    String region,
    Optional<URI> endpoint,
    Optional<String> role,
    Naming naming,
    ResourceBindings bindings,
    java.util.Map<String, URI> serviceEndpoints) {
  /** The property naming the region. */
  public static final String REGION = "skyhop.region";

  /** The property naming the execution role. */
  public static final String ROLE = "skyhop.aws.role";

  /** The property overriding the endpoint. */
  public static final String ENDPOINT = "skyhop.aws.endpoint";

  private static final Pattern REGION_FORMAT = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws[a-zA-Z-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-/]+");
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]+");

  /**
   * Reads and checks the settings.
   *
   * @throws ConfigurationException naming the property to fix
   */
  public static AwsSettings of(String app, Settings settings) {
    String region =
        settings.require(
            REGION, "choose the AWS region to deploy to, e.g. -D" + REGION + "=us-east-1");
    if (!REGION_FORMAT.matcher(region).matches()) {
      throw new ConfigurationException(
          REGION, region, "is not an AWS region name. Fix: use a region id such as us-east-1");
    }
    Optional<String> role = settings.get(ROLE);
    role.ifPresent(
        arn -> {
          if (!ROLE_ARN.matcher(arn).matches()) {
            throw new ConfigurationException(
                ROLE,
                arn,
                "is not an IAM role ARN. Fix: use arn:aws:iam::<account>:role/<name>, or leave "
                    + ROLE
                    + " unset to let Skyhop create "
                    + app
                    + "-skyhop-role");
          }
        });
    if (!NAME.matcher(app).matches() || app.length() > 52) {
      throw new ConfigurationException(
          "skyhop.app",
          app,
          "cannot prefix Lambda and IAM names. Fix: use letters, digits, '-' and '_', at most 52"
              + " characters");
    }
    return new AwsSettings(
        app,
        region,
        endpoint(settings),
        role,
        new Naming(app, settings.get(Naming.STAGE)),
        ResourceBindings.of(settings),
        serviceEndpoints(settings));
  }

  private static java.util.Map<String, URI> serviceEndpoints(Settings settings) {
    java.util.Map<String, URI> endpoints = new java.util.TreeMap<>();
    for (String service : java.util.List.of("sqs", "s3")) {
      endpoint(settings, ENDPOINT + "." + service).ifPresent(e -> endpoints.put(service, e));
    }
    return endpoints;
  }

  /** The endpoint override of one service ({@code sqs}, {@code s3}): its own, or the common one. */
  public Optional<URI> endpoint(String service) {
    return Optional.ofNullable(serviceEndpoints.get(service)).or(this::endpoint);
  }

  private static Optional<URI> endpoint(Settings settings) {
    return endpoint(settings, ENDPOINT);
  }

  private static Optional<URI> endpoint(Settings settings, String property) {
    Optional<String> value = settings.get(property);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value.get());
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new URISyntaxException(value.get(), "not an http(s) URL");
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      throw new ConfigurationException(
          property,
          value.get(),
          "is not an http(s) URL. Fix: use e.g. http://127.0.0.1:4566, or leave it unset for AWS");
    }
  }

  /** The queues and buckets the triggers use. */
  AwsResources resources() {
    return new AwsResources(bindings, region, names());
  }

  /** The AWS names of the app and stage. */
  public AwsNames names() {
    return AwsNames.of(naming);
  }

  /** The name of the role Skyhop creates when {@code skyhop.aws.role} is absent. */
  public String createdRoleName() {
    return names().role();
  }

  /** The Lambda function name of a Skyhop function: {@code <app>[-<stage>]-<function>}. */
  public String functionName(String function) {
    return names().function(function);
  }

  /** The tags of every resource Skyhop owns: {@code skyhop:app} and {@code skyhop:stage}. */
  public java.util.Map<String, String> tags() {
    return names().tags();
  }

  /** Whether tags mark a resource as this app's and stage's. */
  public boolean owns(java.util.Map<String, String> tags) {
    return naming.owns(tags, AwsNames.TAG_PREFIX);
  }
}
