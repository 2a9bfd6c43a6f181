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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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

  /** Unanswered bytes past which {@link #trySend} leaves the write to a thread that may block. */
  static final int ROOM_BYTES = 16 * 1024;

  private final ReentrantLock writing = new ReentrantLock();
  private final AtomicLong unanswered = new AtomicLong();
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
    writing.lock();
    return sendLocked(requestId, function, deadlineMillis, payload);
  }

  /**
   * As {@link #send}, only if the write cannot block: nobody else is writing and the worker has not
   * left more than {@value #ROOM_BYTES} bytes of its invocations unanswered, so a frame without a
   * body (at most the front door's 16 KiB of headers, plus little) fits in the pipe (64 KiB) even
   * if the worker read none of them. Only a shared worker's lanes use it: one process of one
   * trusted app, whose answers show that it read what came before.
   *
   * @return the answer, or null when the write could block
   */
  CompletableFuture<WorkerResult> trySend(
      String requestId, String function, long deadlineMillis, Payload payload) throws IOException {
    if (unanswered.get() > ROOM_BYTES || !writing.tryLock()) {
      return null;
    }
    return sendLocked(requestId, function, deadlineMillis, payload);
  }

  /** Writes an invocation; called holding the write lock, which it releases. */
  private CompletableFuture<WorkerResult> sendLocked(
      String requestId, String function, long deadlineMillis, Payload payload) throws IOException {
    Pending p;
    try {
      IOException gone = ended;
      if (gone != null) {
        throw copy(gone);
      }
      p = new Pending(function, new CompletableFuture<>());
      pending.put(requestId, p);
      if (ended != null) {
        // the reader ended between the check and the put, and failed only what it saw
        pending.remove(requestId);
        throw copy(ended);
      }
      int before = toWorker.size();
      try {
        if (function == null) {
          Payloads.invocation(toWorker, requestId, deadlineMillis, payload.kind());
        } else {
          Payloads.invocation(toWorker, requestId, function, deadlineMillis, payload.kind());
        }
        payload.write(toWorker);
      } finally {
        int bytes = toWorker.size() - before;
        if (p.bytes.compareAndSet(0, bytes)) { // unless answered (or failed) already
          unanswered.addAndGet(bytes);
        }
      }
      if (!writing.hasQueuedThreads()) {
        toWorker.flush();
      }
    } catch (IOException e) {
      forget(requestId);
      throw e;
    } finally {
      writing.unlock();
    }
    return p.answer;
  }

  /** Takes an invocation out of the table: answered, failed or not sent. */
  private Pending forget(String requestId) {
    Pending p = pending.remove(requestId);
    if (p != null) {
      int bytes = p.bytes.getAndSet(-1);
      if (bytes > 0) {
        unanswered.addAndGet(-bytes);
      }
    }
    return p;
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
        forget(requestId).answer.complete(result);
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
      Pending p = forget(requestId);
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
  private static final class Pending {
    final String function;
    final CompletableFuture<WorkerResult> answer;
    final AtomicInteger bytes = new AtomicInteger(); // its frame's size once written, -1 once out

    Pending(String function, CompletableFuture<WorkerResult> answer) {
      this.function = function;
      this.answer = answer;
    }
  }
}
