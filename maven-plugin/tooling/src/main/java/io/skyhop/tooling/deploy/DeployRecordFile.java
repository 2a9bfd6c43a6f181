package io.skyhop.tooling.deploy;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Writes and reads a deploy record ({@code target/skyhop/deploy-<target>[-<stage>].json}). */
public final class DeployRecordFile {
  private DeployRecordFile() {}

  /** Writes {@code result} to {@code file}. */
  public static void write(Path file, DeployResult result) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(
        file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(result));
  }

  /**
   * Reads {@code file}.
   *
   * @return the record, empty when there is no such file
   * @throws JsonParseException when the file is not a deploy record
   */
  public static Optional<DeployResult> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    DeployResult result = new Gson().fromJson(Files.readString(file), DeployResult.class);
    if (result == null || result.functions() == null) {
      throw new JsonParseException(file + " is not a deploy record: it lists no functions");
    }
    return Optional.of(result);
  }
}
