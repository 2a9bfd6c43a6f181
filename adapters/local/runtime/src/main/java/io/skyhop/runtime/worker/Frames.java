package io.skyhop.runtime.worker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The private protocol between the runtime and a worker process, over the worker's stdin (runtime
 * to worker) and stdout (worker to runtime). Every frame is a marker byte, a kind byte and fields:
 * strings as length-prefixed UTF-8, byte arrays length-prefixed, maps as counted pairs. No JSON and
 * no HTTP: the worker's loop loads nothing beyond {@code java.io}, which keeps cold starts short.
 *
 * <p>Shared by both sides: the runtime uses this class from its own jar, the worker from the small
 * worker jar the runtime extracts.
 */
public final class Frames {
  /** First byte of every frame; anything else on the stream means the worker wrote garbage. */
  public static final int MARKER = 0x53;

  /** Worker to runtime: initialization done, ready for invocations. */
  public static final byte READY = 'R';

  /** Worker to runtime: a log entry of an invocation. */
  public static final byte LOG = 'L';

  /** Worker to runtime: an HTTP response. */
  public static final byte HTTP_RESPONSE = 'H';

  /** Worker to runtime: a non-HTTP invocation succeeded; carries the result bytes. */
  public static final byte OK = 'O';

  /** Worker to runtime: the function failed; carries a one-line reason. */
  public static final byte FAILED = 'E';

  /** Runtime to worker: an invocation. */
  public static final byte INVOKE = 'I';

  /**
   * Runtime to a shared worker (one JVM serving every function of an app): an invocation that names
   * its function; answers may come in any order, each carrying its request id.
   */
  public static final byte INVOKE_FUNCTION = 'F';

  /** Invocation kind: an HTTP request. */
  public static final byte KIND_HTTP = 'h';

  /** Invocation kind: a queue message. */
  public static final byte KIND_QUEUE = 'q';

  /** Invocation kind: a scheduled event. */
  public static final byte KIND_SCHEDULE = 's';

  /** Invocation kind: a storage event. */
  public static final byte KIND_STORAGE = 'b';

  /** Invocation kind: a direct invocation with a JSON payload. */
  public static final byte KIND_DIRECT = 'd';

  private Frames() {}

  /** Writes the frame header. */
  public static void begin(DataOutputStream out, byte kind) throws IOException {
    out.writeByte(MARKER);
    out.writeByte(kind);
  }

  /**
   * Reads a frame header.
   *
   * @return the frame kind, or -1 at the end of the stream
   * @throws IOException when the stream holds something other than a frame
   */
  public static int next(DataInputStream in) throws IOException {
    int marker = in.read();
    if (marker < 0) {
      return -1;
    }
    if (marker != MARKER) {
      throw new ProtocolException("unexpected byte 0x" + Integer.toHexString(marker));
    }
    int kind = in.read();
    if (kind < 0) {
      throw new EOFException("stream ended inside a frame");
    }
    return kind;
  }

  /** Writes a string (null allowed). */
  public static void string(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    bytes(out, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a string written by {@link #string(DataOutputStream, String)}. */
  public static String string(DataInputStream in) throws IOException {
    byte[] b = bytes(in);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  /** Writes bytes (null allowed). */
  public static void bytes(DataOutputStream out, byte[] value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(value.length);
    out.write(value);
  }

  /** Reads bytes written by {@link #bytes(DataOutputStream, byte[])}. */
  public static byte[] bytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < -1) {
      throw new ProtocolException("negative length " + length);
    }
    if (length == -1) {
      return null;
    }
    byte[] b = new byte[length];
    in.readFully(b);
    return b;
  }

  /** Writes a map of single values. */
  public static void map(DataOutputStream out, Map<String, String> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      string(out, e.getKey());
      string(out, e.getValue());
    }
  }

  /** Reads a map of single values, in order. */
  public static Map<String, String> map(DataInputStream in) throws IOException {
    int n = count(in);
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      map.put(string(in), string(in));
    }
    return map;
  }

  /** Writes a map of lists of values. */
  public static void multiMap(DataOutputStream out, Map<String, List<String>> map)
      throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, List<String>> e : map.entrySet()) {
      string(out, e.getKey());
      list(out, e.getValue());
    }
  }

  /** Reads a map of lists of values, in order. */
  public static Map<String, List<String>> multiMap(DataInputStream in) throws IOException {
    int n = count(in);
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      map.put(string(in), list(in));
    }
    return map;
  }

  /** Writes a list of strings. */
  public static void list(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      string(out, v);
    }
  }

  /** Reads a list of strings. */
  public static List<String> list(DataInputStream in) throws IOException {
    int n = count(in);
    List<String> values = new ArrayList<>(Math.min(n, 64));
    for (int i = 0; i < n; i++) {
      values.add(string(in));
    }
    return values;
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new ProtocolException("negative count " + n);
    }
    return n;
  }

  /** The stream does not hold the protocol: the peer wrote something else. */
  public static class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An error with a description of what was found. */
    public ProtocolException(String message) {
      super("Worker protocol violated: " + message);
    }
  }
}
