package io.skyhop.tooling.deploy.aws;

import java.util.List;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;

/**
 * The instruction set a function runs on ({@code skyhop.architecture}): Lambda sets it with the
 * code (UpdateFunctionCode's {@code Architectures}), so a function on another one gets its package
 * uploaded again with the wanted architecture. Graviton (arm64) is priced with its own rates.
 */
final class LambdaArchitecture {
  private final LambdaClient lambda;
  private final Pacer pacer;
  private final PlanLog log;

  LambdaArchitecture(LambdaClient lambda, Pacer pacer, PlanLog log) {
    this.lambda = lambda;
    this.pacer = pacer;
    this.log = log;
  }

  /** Puts {@code name} on {@code architecture} ({@code x86_64} or {@code arm64}). */
  void ensure(String name, String architecture, LambdaFunctions.Code code, boolean planned) {
    if (planned) {
      if (!architecture.equals("x86_64")) {
        log.line(PlanLog.Change.UPDATE, "function", name, "Architectures [" + architecture + "]");
      }
      return;
    }
    var cfg =
        AwsCalls.call(
            "Lambda GetFunctionConfiguration " + name,
            () -> lambda.getFunctionConfiguration(b -> b.functionName(name)));
    List<String> current =
        cfg.architecturesAsStrings() == null || cfg.architecturesAsStrings().isEmpty()
            ? List.of("x86_64")
            : cfg.architecturesAsStrings();
    if (current.equals(List.of(architecture))) {
      return;
    }
    log.line(
        PlanLog.Change.UPDATE,
        "function",
        name,
        "Architectures " + current + " -> [" + architecture + "]");
    if (log.dryRun()) {
      return;
    }
    AwsCalls.call(
        "Lambda UpdateFunctionCode " + name,
        () ->
            lambda.updateFunctionCode(
                b ->
                    b.functionName(name)
                        .zipFile(code.bytes())
                        .architectures(Architecture.fromValue(architecture))));
    LambdaAlias.waitUpdated(lambda, pacer, name);
  }
}
