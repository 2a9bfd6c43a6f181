package io.skyhop.maven;

import io.skyhop.tooling.secret.SecretCommand;
import io.skyhop.tooling.secret.SecretValue;
import java.io.ByteArrayInputStream;
import java.io.Console;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Stores the value of one declared secret ({@code skyhop.secret}) in the store of {@code
 * skyhop.target} for the stage: read from standard input (typed without echo on a terminal), or
 * from the environment variable named by {@code skyhop.secret.fromEnv}; never from the command
 * line. Run {@code skyhop:package} first: the name must be one a function declares.
 */
@Mojo(name = "secret", threadSafe = true)
public class SecretMojo extends AbstractDeployMojo {
  /** The secret's name, as in {@code @Function(secrets = {...})}. */
  @Parameter(property = "skyhop.secret", required = true)
  String secret;

  /** An environment variable holding the value; unset: standard input. */
  @Parameter(property = "skyhop.secret.fromEnv")
  String fromEnv;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    execute(
        () -> {
          Optional<String> env = Optional.ofNullable(fromEnv).filter(v -> !v.isBlank());
          SecretValue value = SecretValue.read(secret, env, System.getenv(), input(env));
          new SecretCommand(listener()).store(request(), secret, value);
        });
  }

  /** Standard input; on a terminal, a prompt without echo. */
  private InputStream input(Optional<String> env) {
    Console console = System.console();
    if (env.isPresent() || console == null) {
      return System.in;
    }
    char[] typed = console.readPassword("Value of secret '%s': ", secret);
    if (typed == null) {
      return InputStream.nullInputStream();
    }
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(typed));
    Arrays.fill(typed, '\0');
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    return new ByteArrayInputStream(bytes);
  }
}
