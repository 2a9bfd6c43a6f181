package io.skyhop.runtime;

import io.skyhop.runtime.http.AdminToken;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Single-app mode: the runtime in a container that runs one app (the {@code knative} target's
 * image).
 *
 * <pre>
 * java -cp skyhop-runtime.jar io.skyhop.runtime.SingleApp --app-bundle APP.zip
 *      [--serve http|queues | --invoke FUNCTION] [runtime options: --data, --bind, --port, …]
 * </pre>
 *
 * <ul>
 *   <li>Serve (default: {@code --serve http}): deploys the bundle's HTTP functions <em>before</em>
 *       the port opens (a first runtime on an ephemeral loopback port takes the deployment through
 *       the admin API, then the real one starts on the same data directory and reloads it), so a
 *       health probe never sees a runtime without the app. Schedule functions are left out: in a
 *       container that scales out and to zero, the in-process scheduler would run them once per
 *       replica, or never; their runs come from {@code --invoke}. The port is {@code --port}, else
 *       the {@code PORT} environment variable (Knative's runtime contract), else 8080. {@code
 *       Auth.FUNCTION} functions need {@value RuntimeOptions#FUNCTION_KEYS} naming where the Secret
 *       {@code <app>-function-keys} is mounted, with a key for each of them, or the container does
 *       not start ({@link SingleAppKeys}).
 *   <li>{@code --serve queues}: the same with the bundle's queue functions instead, and the
 *       runtime's {@value RuntimeOptions#CLOUDEVENTS} endpoint on: a Knative Broker's Triggers POST
 *       each message as a CloudEvent to {@code /_skyhop/events/queues/<queue>} (the knative
 *       target's cluster-local {@code <app>-queues} Service).
 *   <li>{@code --invoke FUNCTION}: runs one function of the bundle once, on loopback, prints its
 *       result and exits 0, or 1 when it failed (a Kubernetes CronJob run of a schedule function).
 * </ul>
 *
 * Functions get no queue endpoint ({@value RuntimeOptions#NO_QUEUE_ENV}): a message enqueued into a
 * pod's own runtime would be delivered by that pod only and vanish with it. On Knative, messages
 * are CloudEvents posted to the Broker.
 *
 * <p>Everything goes through the runtime's public surface (options, start, admin API), so the
 * runtime itself has no single-app code path.
 */
public final class SingleApp {
  private static final Duration CALL_TIMEOUT = Duration.ofMinutes(16);

  private SingleApp() {}

  /** Runs single-app mode; exits 2 on a bad command line, 1 when the app cannot be started. */
  public static void main(String[] args) {
    Command command;
    try {
      command = Command.parse(args, System.getenv("PORT"));
    } catch (RuntimeOptions.UsageException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    try {
      if (command.invoke() != null) {
        System.exit(invoke(command, System.out));
      }
      if (command.serve() == Serve.HTTP) {
        SingleAppKeys.check(command.bundle(), command.app(), command.options().functionKeys());
      }
      seed(
          command,
          SingleAppBundle.only(command.bundle(), tmp(command), command.serve().triggerType()),
          System.out);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("Cannot start app bundle " + command.bundle() + ": " + e.getMessage());
      System.exit(1);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(1);
      return;
    }
    RuntimeMain.main(command.runtimeArgs().toArray(String[]::new));
  }

  /**
   * Deploys {@code bundle} into the data directory with a runtime on an ephemeral loopback port,
   * without class-data sharing (the serving runtime builds the archive), and stops it.
   */
  static void seed(Command command, Path bundle, PrintStream console)
      throws IOException, InterruptedException {
    try (SkyhopRuntime runtime = SkyhopRuntime.start(command.loopbackOptions(), console)) {
      call(runtime, command, "PUT", "/_skyhop/apps/" + command.app(), bundle, 200, 201);
    }
  }

  /** Runs {@code --invoke}: returns the exit code. */
  static int invoke(Command command, PrintStream console) throws IOException, InterruptedException {
    try (SkyhopRuntime runtime = SkyhopRuntime.start(command.loopbackOptions(), console)) {
      call(runtime, command, "PUT", "/_skyhop/apps/" + command.app(), command.bundle(), 200, 201);
      HttpResponse<String> answer =
          send(
              runtime,
              command,
              "POST",
              "/_skyhop/apps/" + command.app() + "/functions/" + command.invoke() + "/invoke",
              HttpRequest.BodyPublishers.ofString("{}"));
      console.println(answer.body());
      if (answer.statusCode() != 200) {
        console.println("Function " + command.invoke() + " failed: HTTP " + answer.statusCode());
        return 1;
      }
      return 0;
    }
  }

  private static void call(
      SkyhopRuntime runtime, Command command, String method, String path, Path body, int... ok)
      throws IOException, InterruptedException {
    HttpResponse<String> answer =
        send(runtime, command, method, path, HttpRequest.BodyPublishers.ofFile(body));
    for (int status : ok) {
      if (answer.statusCode() == status) {
        return;
      }
    }
    throw new IOException(
        method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
  }

  private static HttpResponse<String> send(
      SkyhopRuntime runtime,
      Command command,
      String method,
      String path,
      HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    String token = Files.readString(command.dataDir().resolve(AdminToken.FILE)).strip();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path))
            .timeout(CALL_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .method(method, body)
            .build();
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .build()
        .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static Path tmp(Command command) throws IOException {
    return Files.createDirectories(command.dataDir().toAbsolutePath().resolve("single-app"));
  }

  /**
   * A parsed command line.
   *
   * @param bundle the app bundle
   * @param app the app name the bundle was packaged for
   * @param invoke the function to run once, or null to serve
   * @param serve which functions to serve
   * @param runtimeArgs the runtime's own options, the port filled in from {@code PORT}
   */
  record Command(Path bundle, String app, String invoke, Serve serve, List<String> runtimeArgs) {
    private static final String USAGE =
        String.join(
            System.lineSeparator(),
            "Usage: java -cp skyhop-runtime.jar io.skyhop.runtime.SingleApp --app-bundle APP.zip"
                + " [--serve http|queues | --invoke FUNCTION] [runtime options]",
            "  --app-bundle APP.zip   the app to serve (target/skyhop/local/<app>.zip)",
            "  --serve http           serve the HTTP functions (default)",
            "  --serve queues         serve the queue functions: CloudEvents POSTed to",
            "                         /_skyhop/events/queues/<queue> ("
                + RuntimeOptions.CLOUDEVENTS
                + ")",
            "  --invoke FUNCTION      run FUNCTION once and exit (0 = it succeeded)",
            "  --function-keys DIR    required when an HTTP function has @HttpTrigger(auth ="
                + " FUNCTION):",
            "                         where the Secret <app>-function-keys is mounted",
            "  the port is --port, else the PORT environment variable, else 8080",
            RuntimeOptions.USAGE);

    /**
     * Parses the command line.
     *
     * @param portEnv the {@code PORT} environment variable, or null
     * @throws RuntimeOptions.UsageException naming the bad option
     */
    static Command parse(String[] args, String portEnv) {
      Path bundle = null;
      String invoke = null;
      Serve serve = Serve.HTTP;
      List<String> rest = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--app-bundle") || a.equals("--invoke") || a.equals("--serve")) {
          if (i + 1 >= args.length) {
            throw new RuntimeOptions.UsageException(
                "Option " + a + " needs a value." + System.lineSeparator() + USAGE);
          }
          String value = args[++i];
          switch (a) {
            case "--app-bundle" -> bundle = Path.of(value);
            case "--invoke" -> invoke = value;
            default -> serve = Serve.parse(value);
          }
        } else {
          rest.add(a);
        }
      }
      if (bundle == null) {
        throw new RuntimeOptions.UsageException(
            "Option --app-bundle is required." + System.lineSeparator() + USAGE);
      }
      if (!rest.contains("--port") && portEnv != null && !portEnv.isBlank()) {
        rest.add("--port");
        rest.add(portEnv.strip());
      }
      if (!rest.contains(RuntimeOptions.NO_QUEUE_ENV)) {
        rest.add(RuntimeOptions.NO_QUEUE_ENV);
      }
      if (!rest.contains("--target")) {
        rest.add("--target");
        rest.add("knative");
      }
      if (serve == Serve.QUEUES && invoke == null && !rest.contains(RuntimeOptions.CLOUDEVENTS)) {
        rest.add(RuntimeOptions.CLOUDEVENTS);
      }
      RuntimeOptions.parse(rest.toArray(String[]::new));
      String app;
      try {
        app = SingleAppBundle.app(bundle);
      } catch (IOException e) {
        throw new RuntimeOptions.UsageException(
            "--app-bundle " + bundle + " is not a readable app bundle: " + e.getMessage());
      }
      return new Command(bundle, app, invoke, serve, List.copyOf(rest));
    }

    /** The serving runtime's options. */
    RuntimeOptions options() {
      return RuntimeOptions.parse(runtimeArgs.toArray(String[]::new));
    }

    /** The data directory. */
    Path dataDir() {
      return options().dataDir();
    }

    /** The runtime options on an ephemeral loopback port, without class-data sharing. */
    RuntimeOptions loopbackOptions() {
      List<String> args = new ArrayList<>();
      Set<String> replaced = Set.of("--port", "--bind");
      for (int i = 0; i < runtimeArgs.size(); i++) {
        String a = runtimeArgs.get(i);
        if (replaced.contains(a)) {
          i++;
        } else if (!a.equals("--no-cds")) {
          args.add(a);
        }
      }
      args.addAll(List.of("--bind", "127.0.0.1", "--port", "0", "--no-cds"));
      return RuntimeOptions.parse(args.toArray(String[]::new));
    }
  }

  /** Which functions a serving container runs. */
  enum Serve {
    /** The HTTP functions (the knative target's {@code <app>} Service). */
    HTTP("http"),
    /** The queue functions, fed by CloudEvents (the {@code <app>-queues} Service). */
    QUEUES("queue");

    private final String triggerType;

    Serve(String triggerType) {
      this.triggerType = triggerType;
    }

    /** The trigger type, in the function index, of the functions it serves. */
    String triggerType() {
      return triggerType;
    }

    static Serve parse(String value) {
      return switch (value) {
        case "http" -> HTTP;
        case "queues" -> QUEUES;
        default ->
            throw new RuntimeOptions.UsageException(
                "--serve = '"
                    + value
                    + "' is not http or queues."
                    + System.lineSeparator()
                    + Command.USAGE);
      };
    }
  }
}
