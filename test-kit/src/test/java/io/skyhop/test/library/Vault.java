package io.skyhop.test.library;

import io.skyhop.api.Context;
import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpTrigger;

/** Reads the secret named by {@code ?name=}; it declares only {@code vault-code}. */
public class Vault {
  @Function(
      name = "vault-door",
      secrets = {"vault-code"})
  @HttpTrigger(
      path = "/vault",
      methods = {HttpMethod.GET})
  public String open(HttpRequest request, Context context) {
    try {
      return context.secret(request.queryParam("name").orElse("vault-code"));
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }
}
