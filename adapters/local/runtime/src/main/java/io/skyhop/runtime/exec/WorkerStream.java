package io.skyhop.runtime.exec;

import io.skyhop.runtime.worker.Frames;
import io.skyhop.runtime.worker.Payloads;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A worker process's stdin and stdout as an asynchronous link: invocations are tagged with their
 * request id and written by their callers; one reader thread per worker takes the answers, in
 * whatever order they come, and completes each caller's future itself. No thread waits for an
 * answer: what follows the answer (giving the instance back, metering, writing the HTTP response)
 * runs on the reader thread.
 *
 * <p>Invocations are written under a lock; a writer that sees others waiting leaves the flush to
 * the last of them, so concurrent invocations leave in one write. Every bound of {@link
 * WorkerFrames} holds; a worker that breaks one, breaks the protocol or ends fails every invocation
 * in flight on it and is killed.
 */
final class WorkerStream {
  private final Process process;
  private final WorkerOutput stderr;
  private final DataOutputStream toWorker;
  private final WorkerFrames fromWorker;
  private final ReentrantLock writing = new ReentrantLock();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private volatile IOException ended;

  /** Starts reading {@code process}'s stdout on a thread named {@code name}. */
  WorkerStream(Process process, WorkerOutput stderr, String name) {
    this.process = process;
    this.stderr = stderr;
    this.toWorker =
        new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 65536));
    this.fromWorker =
        new WorkerFrames(
            new DataInputStream(new BufferedInputStream(process.getInputStream(), 65536)));
    Thread reader = new Thread(this::read, name);
    reader.setDaemon(true);
    reader.start();
  }

  /** Waits for the worker's ready frame. */
  void awaitReady() throws IOException {
    try {
      ready.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io
          ? copy(io)
          : new IOException(String.valueOf(e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }

  /**
   * Writes an invocation; its answer completes the future on the reader thread (or fails it with an
   * {@link IOException} of this caller's own when the worker ends or breaks the protocol first).
   *
   * @param function the function, for a shared worker; null for a worker of one function
   * @throws IOException when it could not be written: the worker has not seen it
   */
  CompletableFuture<WorkerResult> send(
      String requestId, String function, long deadlineMillis, Payload payload) throws IOException {
    IOException gone = ended;
    if (gone != null) {
      throw copy(gone);
    }
    CompletableFuture<WorkerResult> answer = new CompletableFuture<>();
    pending.put(requestId, new Pending(function, answer));
    if (ended != null) {
      // the reader ended between the check and the put, and failed only what it saw
      pending.remove(requestId);
      throw copy(ended);
    }
    writing.lock();
    try {
      if (function == null) {
        Payloads.invocation(toWorker, requestId, deadlineMillis, payload.kind());
      } else {
        Payloads.invocation(toWorker, requestId, function, deadlineMillis, payload.kind());
      }
      payload.write(toWorker);
      if (!writing.hasQueuedThreads()) {
        toWorker.flush();
      }
    } catch (IOException e) {
      pending.remove(requestId);
      throw e;
    } finally {
      writing.unlock();
    }
    return answer;
  }

  /** Closes the worker's stdin, which asks it to exit. */
  void close() {
    writing.lock();
    try {
      toWorker.close();
    } catch (IOException e) {
      // already gone
    } finally {
      writing.unlock();
    }
  }

  private void read() {
    try {
      int kind = fromWorker.next();
      if (kind != Frames.READY) {
        throw new IOException(kind < 0 ? "the worker exited" : "unexpected frame " + (char) kind);
      }
      ready.complete(null);
      while (true) {
        kind = fromWorker.next();
        if (kind < 0) {
          throw new IOException("the worker exited");
        }
        if (kind == Frames.LOG) {
          String requestId = fromWorker.string("request id");
          Pending p = pending.get(requestId);
          String message = fromWorker.logMessage();
          if (p == null || p.function == null) {
            stderr.functionLog(requestId, message);
          } else {
            stderr.functionLog(requestId, p.function, message);
          }
          continue;
        }
        WorkerFrames.checkAnswer(kind);
        String requestId = fromWorker.string("request id");
        if (!pending.containsKey(requestId)) {
          throw new Frames.ProtocolException("answer for " + requestId + ", which is not running");
        }
        // parsed before the call leaves the table: a frame past a limit fails it with the others
        WorkerResult result = fromWorker.result(kind);
        pending.remove(requestId).answer.complete(result);
      }
    } catch (IOException e) {
      end(e);
    } catch (RuntimeException | Error e) {
      end(new IOException("the runtime failed reading the worker: " + e, e));
    }
  }

  /** Fails everything in flight, each with an exception of its own; the worker is killed. */
  private void end(IOException cause) {
    ended = cause;
    if (process.isAlive()) {
      WorkerProcesses.killTree(process);
    }
    ready.completeExceptionally(cause);
    for (String requestId : pending.keySet()) {
      Pending p = pending.remove(requestId);
      if (p != null) {
        p.answer.completeExceptionally(copy(cause));
      }
    }
  }

  /** A copy for one caller (the original is shared by every failed invocation), same type. */
  private static IOException copy(IOException e) {
    if (e instanceof WorkerFrames.TooLargeException large) {
      return new WorkerFrames.TooLargeException(large.what, large.size, large.limit);
    }
    if (e instanceof Frames.ProtocolException) {
      return e;
    }
    return new IOException(e.getMessage(), e);
  }

  /** An invocation in flight. */
  private record Pending(String function, CompletableFuture<WorkerResult> answer) {}
}
