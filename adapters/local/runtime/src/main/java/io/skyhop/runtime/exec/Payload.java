package io.skyhop.runtime.exec;

import io.skyhop.api.HttpRequest;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.ScheduledEvent;
import io.skyhop.api.StorageEvent;
import io.skyhop.runtime.worker.Frames;
import io.skyhop.runtime.worker.Payloads;
import java.io.DataOutputStream;
import java.io.IOException;

/** What an invocation carries to the worker, by trigger kind. */
public sealed interface Payload {
  /** The trigger kind as logs and metrics name it. */
  String trigger();

  /** The protocol's kind byte. */
  byte kind();

  /** Writes the payload after the invocation header. */
  void write(DataOutputStream out) throws IOException;

  /** An HTTP request, its path relative to the app. */
  record Http(HttpRequest request) implements Payload {
    @Override
    public String trigger() {
      return "http";
    }

    @Override
    public byte kind() {
      return Frames.KIND_HTTP;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
      Payloads.write(out, request);
    }
  }

  /** A queue message. */
  record Queue(QueueMessage message) implements Payload {
    @Override
    public String trigger() {
      return "queue";
    }

    @Override
    public byte kind() {
      return Frames.KIND_QUEUE;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
      Payloads.write(out, message);
    }
  }

  /** A scheduled run. */
  record Schedule(ScheduledEvent event) implements Payload {
    @Override
    public String trigger() {
      return "schedule";
    }

    @Override
    public byte kind() {
      return Frames.KIND_SCHEDULE;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
      Payloads.write(out, event);
    }
  }

  /** A storage event. */
  record Storage(StorageEvent event) implements Payload {
    @Override
    public String trigger() {
      return "storage";
    }

    @Override
    public byte kind() {
      return Frames.KIND_STORAGE;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
      Payloads.write(out, event);
    }
  }

  /** A direct invocation with a JSON payload (the admin API's invoke). */
  record Direct(byte[] json) implements Payload {
    @Override
    public String trigger() {
      return "direct";
    }

    @Override
    public byte kind() {
      return Frames.KIND_DIRECT;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
      Frames.bytes(out, json);
    }
  }
}
