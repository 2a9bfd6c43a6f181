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
 * A shared worker process ({@code --shared}): one JVM serving every function of one app version,
 * many invocations at a time over one multiplexed stream. Each {@link Instance} of the app's pools
 * is a lane of it: a slot for one invocation at a time, so the pools still bound concurrency, queue
 * callers and scale to zero; the process ends when its last lane stops.
 *
 * <p>Invocations are written under a lock; a writer that sees others waiting leaves the flush to
 * the last of them, so concurrent invocations leave in one write. One reader thread takes the
 * answers, in whatever order they finish, and hands each to the lane waiting for its request id.
 * Every bound of {@link WorkerFrames} holds; a worker that breaks one, breaks the protocol or ends
 * fails every invocation in flight on it (a timeout, crash or out-of-memory of one function ends
 * the process, and the others' callers get a 502: the price of sharing a JVM).
 */
final class SharedProcess {
  private final Process process;
  private final WorkerOutput stderr;
  private final DataOutputStream toWorker;
  private final WorkerFrames fromWorker;
  private final ReentrantLock writing = new ReentrantLock();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private volatile IOException ended;
  private int lanes;
  private boolean closed;

  SharedProcess(Process process, WorkerOutput stderr, String name) {
    this.process = process;
    this.stderr = stderr;
    this.toWorker =
        new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 65536));
    this.fromWorker =
        new WorkerFrames(
            new DataInputStream(new BufferedInputStream(process.getInputStream(), 65536)));
    Thread reader = new Thread(this::read, "skyhop-shared-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** The process. */
  Process process() {
    return process;
  }

  /** Its stderr. */
  WorkerOutput stderr() {
    return stderr;
  }

  /** A new lane for an instance of {@code function}, or null once the process is closing. */
  synchronized Link lane(String function) {
    if (closed || !process.isAlive()) {
      return null;
    }
    lanes++;
    return new Lane(function);
  }

  private synchronized boolean closeLane() {
    if (--lanes > 0 || closed) {
      return false;
    }
    closed = true;
    writing.lock();
    try {
      toWorker.close();
    } catch (IOException e) {
      // already gone
    } finally {
      writing.unlock();
    }
    return true;
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
          stderr.functionLog(requestId, p == null ? null : p.function, fromWorker.logMessage());
          continue;
        }
        WorkerFrames.checkAnswer(kind);
        String requestId = fromWorker.string("request id");
        if (!pending.containsKey(requestId)) {
          throw new Frames.ProtocolException("answer for " + requestId + ", which is not running");
        }
        // parsed before the call leaves the table: a frame past a limit fails it with the others
        WorkerResult result = fromWorker.result(kind);
        pending.remove(requestId).result.complete(result);
      }
    } catch (IOException e) {
      end(e);
    } catch (RuntimeException | Error e) {
      end(new IOException("the runtime failed reading the worker: " + e, e));
    }
  }

  /** Fails everything in flight; a worker that wrote garbage or too much is killed. */
  private void end(IOException cause) {
    ended = cause;
    if (process.isAlive()) {
      WorkerProcesses.killTree(process);
    }
    ready.completeExceptionally(cause);
    pending.values().forEach(p -> p.result.completeExceptionally(cause));
    pending.clear();
  }

  /** The future's value, or its failure as this caller's own exception. */
  private static <T> T await(CompletableFuture<T> future) throws IOException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io
          ? copy(io)
          : new IOException(String.valueOf(e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }

  /** A copy for this caller (the original is shared by every failed invocation), same type. */
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
  private record Pending(String function, CompletableFuture<WorkerResult> result) {}

  /** One instance's slot: one invocation at a time, of one function. */
  private final class Lane implements Link {
    private final String function;
    private CompletableFuture<WorkerResult> current;

    Lane(String function) {
      this.function = function;
    }

    @Override
    public void awaitReady() throws IOException {
      await(ready);
    }

    @Override
    public void send(String requestId, long deadlineMillis, Payload payload) throws IOException {
      IOException gone = ended;
      if (gone != null) {
        throw copy(gone);
      }
      current = new CompletableFuture<>();
      pending.put(requestId, new Pending(function, current));
      if (ended != null) {
        // the reader ended between the check and the put, and failed only what it saw
        pending.remove(requestId);
        throw copy(ended);
      }
      writing.lock();
      try {
        Payloads.invocation(toWorker, requestId, function, deadlineMillis, payload.kind());
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
    }

    @Override
    public WorkerResult receive(String requestId) throws IOException {
      return await(current);
    }

    @Override
    public boolean close() {
      return closeLane();
    }
  }
}
