package io.skyhop.tooling.pack.aws;

import io.skyhop.core.FunctionDef;
import io.skyhop.core.FunctionIndex;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.TargetPackager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code aws} target: {@code target/skyhop/aws/<app>.zip}, one Lambda deployment package for
 * every function (each Lambda function runs {@code io.skyhop.aws.SkyhopHandler::handleRequest} and
 * is told which Skyhop function it is by {@code SKYHOP_FUNCTION}), and {@code
 * target/skyhop/aws/template.yaml}, the equivalent SAM template.
 */
public final class AwsPackager implements TargetPackager {
  /** The template's file name. */
  public static final String TEMPLATE = "template.yaml";

  @Override
  public List<Path> pack(PackageRequest request, FunctionIndex index, BuildListener listener)
      throws IOException {
    Path dir = request.targetDir(Target.named("aws"));
    Files.createDirectories(dir);
    Path zip = LambdaZip.write(request, dir.resolve(zipName(request)), listener);
    Path template = dir.resolve(TEMPLATE);
    Files.writeString(
        template, SamTemplate.yaml(request, index, zipName(request)), StandardCharsets.UTF_8);
    return List.of(zip, template);
  }

  @Override
  public AwsEntry manifestEntry(PackageRequest request, FunctionDef function) {
    return new AwsEntry(
        LambdaNaming.functionName(request.app(), function.name()),
        LambdaNaming.HANDLER,
        LambdaNaming.runtime(request.javaRelease()),
        Target.named("aws").id() + "/" + zipName(request),
        LambdaNaming.environment(request, function));
  }

  @Override
  public Class<AwsEntry> entryType() {
    return AwsEntry.class;
  }

  private static String zipName(PackageRequest request) {
    return request.app() + ".zip";
  }
}
