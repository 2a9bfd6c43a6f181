package io.skyhop.runtime.exec;

import io.skyhop.runtime.worker.Frames;
import io.skyhop.runtime.worker.Payloads;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A worker process of one function, over its own stdin and stdout: one invocation at a time, sent
 * and answered on the caller's thread (no hand-off to another thread on the way).
 */
final class PipeLink implements Link {
  private final DataOutputStream toWorker;
  private final WorkerFrames fromWorker;
  private final WorkerOutput stderr;

  PipeLink(Process process, WorkerOutput stderr) {
    this.toWorker =
        new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 65536));
    this.fromWorker =
        new WorkerFrames(
            new DataInputStream(new BufferedInputStream(process.getInputStream(), 65536)));
    this.stderr = stderr;
  }

  @Override
  public void awaitReady() throws IOException {
    int kind = fromWorker.next();
    if (kind != Frames.READY) {
      throw new IOException(kind < 0 ? "the worker exited" : "unexpected frame " + (char) kind);
    }
  }

  @Override
  public void send(String requestId, long deadlineMillis, Payload payload) throws IOException {
    Payloads.invocation(toWorker, requestId, deadlineMillis, payload.kind());
    payload.write(toWorker);
    toWorker.flush();
  }

  @Override
  public WorkerResult receive(String requestId) throws IOException {
    while (true) {
      int kind = fromWorker.next();
      if (kind == Frames.LOG) {
        stderr.functionLog(fromWorker.string("request id"), fromWorker.logMessage());
        continue;
      }
      if (kind < 0) {
        throw new IOException("the worker exited");
      }
      WorkerFrames.checkAnswer(kind);
      String answered = fromWorker.string("request id");
      if (!requestId.equals(answered)) {
        throw new Frames.ProtocolException(
            "answer for " + answered + " while serving " + requestId);
      }
      return fromWorker.result(kind);
    }
  }

  @Override
  public boolean close() {
    try {
      toWorker.close();
    } catch (IOException e) {
      // already gone
    }
    return true;
  }
}
