package io.skyhop.api;

/** HTTP methods a {@link HttpTrigger} may accept. */
public enum HttpMethod {
  GET,
  POST,
  PUT,
  DELETE,
  PATCH,
  HEAD,
  OPTIONS
}
