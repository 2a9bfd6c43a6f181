package io.skyhop.test;

/** The event shapes in which HTTP requests reach a Lambda function, for {@link Skyhop#aws}. */
public enum AwsHttpEvent {
  /** API Gateway HTTP API, payload format 2.0 (the default of {@code target("aws")}). */
  API_GATEWAY_V2,
  /** API Gateway REST API proxy integration, payload format 1.0. */
  API_GATEWAY_V1,
  /** Lambda Function URL (payload format 2.0, route {@code $default}). */
  FUNCTION_URL,
  /** Application Load Balancer target group. */
  ALB
}
