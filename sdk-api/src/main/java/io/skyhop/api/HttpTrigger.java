package io.skyhop.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Triggers a {@link Function} with HTTP requests. The payload parameter may be an {@link
 * HttpRequest}, a {@code String}, a {@code byte[]} or a POJO read from the JSON body; the result
 * may be {@code void}, an {@link HttpResponse}, a {@code String}, a {@code byte[]} or a POJO
 * written as JSON.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface HttpTrigger {
  /**
   * The path, starting with {@code /}; may hold {@code {name}} segments, read with {@link
   * HttpRequest#pathParam(String)}.
   */
  String path();

  /** Accepted methods; GET and POST by default. */
  HttpMethod[] methods() default {HttpMethod.GET, HttpMethod.POST};

  /** Who may call the function; anonymous by default. */
  Auth auth() default Auth.ANONYMOUS;
}
