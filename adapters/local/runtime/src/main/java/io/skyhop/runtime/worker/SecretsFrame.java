package io.skyhop.runtime.worker;

import io.skyhop.core.SecretSource;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first frame the runtime writes to a worker's stdin: the values of the secrets its function
 * declares, and no other. Secrets travel over this private pipe, never in the worker's environment
 * or command line (both readable in {@code /proc/<pid>/}).
 */
public final class SecretsFrame {
  /** Runtime to worker, before {@link Frames#READY}: the function's secret values. */
  public static final byte SECRETS = 'K';

  private SecretsFrame() {}

  /** Writes the frame and flushes it. */
  public static void write(OutputStream stream, Map<String, byte[]> values) throws IOException {
    DataOutputStream out = new DataOutputStream(stream);
    Frames.begin(out, SECRETS);
    out.writeInt(values.size());
    for (Map.Entry<String, byte[]> e : values.entrySet()) {
      Frames.string(out, e.getKey());
      Frames.bytes(out, e.getValue());
    }
    out.flush();
  }

  /** Reads the frame. */
  static Map<String, String> read(DataInputStream in) throws IOException {
    int kind = Frames.next(in);
    if (kind != SECRETS) {
      throw new Frames.ProtocolException("expected the secrets frame, got frame " + kind);
    }
    int count = in.readInt();
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      values.put(Frames.string(in), new String(Frames.bytes(in), StandardCharsets.UTF_8));
    }
    return values;
  }

  /** The values a worker received, as the adapter core reads them. */
  static final class Received implements SecretSource {
    private final Map<String, String> values;
    private final String target;

    Received(Map<String, String> values, String target) {
      this.values = Map.copyOf(values);
      this.target = target;
    }

    @Override
    public String value(String name) {
      return values.get(name);
    }

    @Override
    public String store(String name) {
      return "the in-house runtime's secret store";
    }

    @Override
    public String howToSet(String name) {
      return SecretSource.withMaven(name, " -Dskyhop.target=" + target);
    }
  }
}
