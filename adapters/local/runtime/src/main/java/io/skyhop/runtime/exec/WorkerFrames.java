package io.skyhop.runtime.exec;

import io.skyhop.runtime.worker.Frames;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a worker writes, never trusting a length it declares: every string, byte array and
 * count is checked against a limit before anything is allocated. A worker that goes past a limit
 * gets a {@link TooLargeException} (and is killed); a log message past its limit is cut.
 */
final class WorkerFrames {
  /** The largest response body, as Lambda's limit of a synchronous response (6 MB). */
  static final int MAX_BODY_BYTES = 6 * 1024 * 1024;

  /** The largest request id, header name or value, cookie or failure reason. */
  static final int MAX_STRING_BYTES = 64 * 1024;

  /** The largest log message; longer ones are cut. */
  static final int MAX_LOG_BYTES = 256 * 1024;

  /** The most headers, values of one header, or cookies. */
  static final int MAX_ENTRIES = 1000;

  private final DataInputStream in;

  WorkerFrames(DataInputStream in) {
    this.in = in;
  }

  /** The next frame kind, or -1 at the end of the stream. */
  int next() throws IOException {
    return Frames.next(in);
  }

  int readInt() throws IOException {
    return in.readInt();
  }

  /** Throws unless {@code kind} is an answer frame (HTTP response, result, failure). */
  static void checkAnswer(int kind) throws Frames.ProtocolException {
    if (kind != Frames.HTTP_RESPONSE && kind != Frames.OK && kind != Frames.FAILED) {
      throw new Frames.ProtocolException("unexpected frame " + (char) kind);
    }
  }

  /**
   * The rest of an answer frame of {@code kind} (after its request id).
   *
   * @throws Frames.ProtocolException for a frame that is no answer
   */
  WorkerResult result(int kind) throws IOException {
    switch (kind) {
      case Frames.HTTP_RESPONSE -> {
        int status = readInt();
        Map<String, List<String>> headers = headers();
        List<String> cookies = list("cookies");
        return new WorkerResult.Http(status, headers, cookies, body());
      }
      case Frames.OK -> {
        return new WorkerResult.Ok(body());
      }
      case Frames.FAILED -> {
        return new WorkerResult.Failed(string("failure reason"));
      }
      default -> throw new Frames.ProtocolException("unexpected frame " + (char) kind);
    }
  }

  /** A response body. */
  byte[] body() throws IOException {
    return bytes(MAX_BODY_BYTES, "response body");
  }

  /** A string field (id, header, cookie, reason). */
  String string(String what) throws IOException {
    byte[] b = bytes(MAX_STRING_BYTES, what);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  /** A log message: the first {@value #MAX_LOG_BYTES} bytes, the rest skipped and counted. */
  String logMessage() throws IOException {
    int length = length();
    if (length == -1) {
      return null;
    }
    int kept = Math.min(length, MAX_LOG_BYTES);
    byte[] b = new byte[kept];
    in.readFully(b);
    String text = new String(b, StandardCharsets.UTF_8);
    if (length > kept) {
      in.skipNBytes(length - kept);
      return text + " [cut: " + (length - kept) + " more bytes]";
    }
    return text;
  }

  /** Response headers. */
  Map<String, List<String>> headers() throws IOException {
    int n = count("headers");
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      map.put(string("header name"), list("header values"));
    }
    return map;
  }

  /** A list of strings, such as cookies. */
  List<String> list(String what) throws IOException {
    int n = count(what);
    List<String> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(string(what));
    }
    return values;
  }

  private byte[] bytes(int max, String what) throws IOException {
    int length = length();
    if (length == -1) {
      return null;
    }
    if (length > max) {
      throw new TooLargeException(what, length, max);
    }
    byte[] b = new byte[length];
    in.readFully(b);
    return b;
  }

  private int length() throws IOException {
    int length = in.readInt();
    if (length < -1) {
      throw new Frames.ProtocolException("negative length " + length);
    }
    return length;
  }

  private int count(String what) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new Frames.ProtocolException("negative count " + n);
    }
    if (n > MAX_ENTRIES) {
      throw new TooLargeException(what + " count", n, MAX_ENTRIES);
    }
    return n;
  }

  /** A worker declared more than a limit allows; nothing was allocated for it. */
  static final class TooLargeException extends Frames.ProtocolException {
    private static final long serialVersionUID = 1L;

    /** What was too large, its declared size and the limit, for the caller's message. */
    final String what;

    final long size;
    final long limit;

    TooLargeException(String what, long size, long limit) {
      super(what + " of " + size + " is larger than the limit of " + limit);
      this.what = what;
      this.size = size;
      this.limit = limit;
    }
  }
}
