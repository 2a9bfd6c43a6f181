package io.skyhop.runtime.exec;

import java.util.List;
import java.util.Map;

/** What a worker answered to an invocation. */
public sealed interface WorkerResult {
  /**
   * An HTTP function's response (an exception in the function already became a 5xx here).
   *
   * @param status the status code
   * @param headers the headers
   * @param cookies the {@code Set-Cookie} values
   * @param body the body
   */
  record Http(int status, Map<String, List<String>> headers, List<String> cookies, byte[] body)
      implements WorkerResult {}

  /**
   * A non-HTTP invocation succeeded.
   *
   * @param body the result as the function's return kind writes it (JSON, text, bytes)
   */
  record Ok(byte[] body) implements WorkerResult {}

  /**
   * The function threw.
   *
   * @param reason the exception, one line
   */
  record Failed(String reason) implements WorkerResult {}
}
