package io.skyhop.tooling.pack.aws;

import com.google.gson.annotations.SerializedName;
import io.skyhop.tooling.pack.TargetEntry;
import java.util.Map;

/**
 * A function's {@code aws} entry in {@code manifest.json}.
 *
 * @param functionName the Lambda function name (before a stage's suffix)
 * @param handler the handler string
 * @param runtime the Lambda runtime, e.g. {@code java17}
 * @param packagePath the deployment package under {@code target/skyhop/} ({@code package})
 * @param env the environment the adapter needs
 */
public record AwsEntry(
    String functionName,
    String handler,
    String runtime,
    @SerializedName("package") String packagePath,
    Map<String, String> env)
    implements TargetEntry {}
