package io.skyhop.tooling.pack.aws;

import io.skyhop.core.Adapters;
import io.skyhop.core.FunctionDef;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.naming.Naming;
import io.skyhop.tooling.naming.aws.AwsNames;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.runtime.JavaRuntimes;
import io.skyhop.tooling.secret.SecretNames;
import io.skyhop.tooling.settings.StageSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Lambda calls things: function names {@code <app>-<function>}, the runtime for a Java
 * release, the handler, and the environment each function needs. Checks what Lambda would reject.
 */
final class LambdaNaming {
  /** The handler of every Skyhop function on Lambda. */
  static final String HANDLER = "io.skyhop.aws.SkyhopHandler::handleRequest";

  private static final Pattern APP = Pattern.compile("[A-Za-z0-9_-]+");
  private static final int MAX_FUNCTION_NAME = 64;

  /** Names Lambda sets itself and refuses as user environment variables. */
  /** The adapter's variable holding the Secrets Manager prefix, {@code <app>/<stage>/}. */
  static final String SECRETS_PREFIX_ENV = "SKYHOP_SECRETS_PREFIX";

  private static final Set<String> RESERVED_ENV =
      Set.of(
          "_HANDLER",
          "_X_AMZN_TRACE_ID",
          "AWS_DEFAULT_REGION",
          "AWS_REGION",
          "AWS_EXECUTION_ENV",
          "AWS_LAMBDA_FUNCTION_NAME",
          "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
          "AWS_LAMBDA_FUNCTION_VERSION",
          "AWS_LAMBDA_INITIALIZATION_TYPE",
          "AWS_LAMBDA_LOG_GROUP_NAME",
          "AWS_LAMBDA_LOG_STREAM_NAME",
          "AWS_ACCESS_KEY",
          "AWS_ACCESS_KEY_ID",
          "AWS_SECRET_ACCESS_KEY",
          "AWS_SESSION_TOKEN",
          "AWS_LAMBDA_RUNTIME_API",
          "LAMBDA_TASK_ROOT",
          "LAMBDA_RUNTIME_DIR");

  private LambdaNaming() {}

  /**
   * The Lambda function name, {@code <app>-<function>}.
   *
   * @throws ConfigurationException when the app name has characters Lambda refuses or the name is
   *     too long
   */
  static String functionName(String app, String function) {
    return functionName(Naming.of(app), function);
  }

  /**
   * The Lambda function name of a stage, {@code <app>[-<stage>]-<function>} ({@link
   * io.skyhop.tooling.naming.aws.AwsNames#function}, as {@code skyhop:deploy} names it).
   *
   * @throws ConfigurationException when the app name has characters Lambda refuses or {@code
   *     <app>-<function>} is too long
   */
  static String functionName(Naming naming, String function) {
    String app = naming.app();
    if (!APP.matcher(app).matches()) {
      throw new ConfigurationException(
          "skyhop.app",
          app,
          "cannot be part of an AWS Lambda function name (letters, digits, '-' and '_' only). Fix:"
              + " set -Dskyhop.app= or <skyhop.app> to such a name");
    }
    String name = app + "-" + function;
    if (name.length() > MAX_FUNCTION_NAME) {
      throw new ConfigurationException(
          "skyhop.app",
          app,
          "makes the AWS Lambda function name '"
              + name
              + "' longer than "
              + MAX_FUNCTION_NAME
              + " characters. Fix: set a shorter skyhop.app (or shorten the function name)");
    }
    return AwsNames.of(naming).function(function);
  }

  /**
   * Lambda's Java runtime for a release, from the runtime table: 17 is {@code java17}, 21 {@code
   * java21}, 25 {@code java25}.
   *
   * @throws ConfigurationException for a release Lambda does not run
   */
  static String runtime(int javaRelease) {
    return JavaRuntimes.builtIn().runtime(Target.named("aws"), javaRelease).id();
  }

  /**
   * A CloudFormation logical id for a function: its name in PascalCase plus {@code Function}, e.g.
   * {@code create-order} is {@code CreateOrderFunction}.
   */
  static String logicalId(String name, String suffix) {
    StringBuilder id = new StringBuilder();
    boolean upper = true;
    for (char c : name.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upper = true;
      } else {
        id.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return id + suffix;
  }

  /**
   * The function's environment on Lambda: its fixed {@code @Function(env)} pairs and {@value
   * Adapters#FUNCTION_ENV}.
   *
   * @throws ConfigurationException when a variable name is reserved
   */
  static Map<String, String> environment(FunctionDef f) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : f.env().entrySet()) {
      if (RESERVED_ENV.contains(e.getKey()) || e.getKey().equals(Adapters.FUNCTION_ENV)) {
        throw new ConfigurationException(
            "@Function(env)",
            e.getKey(),
            "on function '"
                + f.name()
                + "' sets a variable reserved by "
                + (e.getKey().equals(Adapters.FUNCTION_ENV) ? "Skyhop" : "AWS Lambda")
                + ". Fix: rename the variable");
      }
      env.put(e.getKey(), e.getValue());
    }
    env.put(Adapters.FUNCTION_ENV, f.name());
    return env;
  }

  /**
   * The function's environment on Lambda for {@code request}: {@link #environment(FunctionDef)},
   * and for a function with secrets the Secrets Manager prefix of its app and stage (names only,
   * never a value).
   */
  static Map<String, String> environment(PackageRequest request, FunctionDef f) {
    Map<String, String> env = environment(f);
    if (!f.secrets().isEmpty()) {
      env.put(
          SECRETS_PREFIX_ENV,
          SecretNames.aws(request.app(), request.option(StageSettings.STAGE), ""));
    }
    return env;
  }
}
