package io.skyhop.runtime.http;

import io.skyhop.runtime.exec.SelectorCalls;
import io.skyhop.runtime.meter.RuntimeLog;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

/**
 * Serves function calls ({@code /<app>/…}) with Jetty's own request and response, and hands every
 * other request ({@code /_skyhop/…}, pushed events, malformed targets) to the handler it wraps (the
 * {@code HttpExchange} bridge of the admin API). A call's answer is written without waiting for the
 * client to read it. A fault while serving a call answers 500 (400 for a malformed request) and the
 * server keeps serving.
 */
final class FunctionHandler extends Handler.Wrapper {
  private final Gateway gateway;
  private final boolean events;
  private final RuntimeLog log;

  FunctionHandler(Handler admin, Gateway gateway, boolean events, RuntimeLog log) {
    super(admin);
    this.gateway = gateway;
    this.events = events;
    this.log = log;
  }

  /**
   * Non-blocking, so that Jetty runs {@link #handle} on its selector thread, without handing each
   * request to another thread: a function call without a body is served right there (routing, its
   * key, an instance, the write to the worker only where that cannot block: {@link SelectorCalls});
   * everything that may block (the admin API, pushed events, calls with a body, read as they
   * arrive) goes to the server's thread pool, as Jetty would have sent it.
   */
  @Override
  public InvocationType getInvocationType() {
    return InvocationType.NON_BLOCKING;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    if (path == null
        || !path.startsWith("/")
        || path.equals(AdminApi.PREFIX)
        || path.startsWith(AdminApi.PREFIX + "/")
        || (events && path.startsWith(EventsApi.PREFIX))) {
      dispatch(request, response, callback, () -> admin(request, response, callback));
    } else if (JettyCalls.declaresBody(request.getHeaders())) {
      dispatch(request, response, callback, () -> call(request, response, callback));
    } else {
      SelectorCalls.run(() -> call(request, response, callback));
    }
    return true;
  }

  private void admin(Request request, Response response, Callback callback) {
    try {
      if (!super.handle(request, response, callback)) {
        Response.writeError(request, response, callback, 404);
      }
    } catch (Throwable e) {
      failed(request, response, callback, e);
    }
  }

  private void call(Request request, Response response, Callback callback) {
    try {
      gateway
          .handle(request, response, callback)
          .whenComplete(
              (done, e) -> {
                if (e != null) {
                  failed(request, response, callback, e.getCause() == null ? e : e.getCause());
                }
              });
    } catch (IllegalArgumentException bad) {
      fail(request, response, callback, 400, "Bad request: " + bad.getMessage(), bad);
    } catch (RuntimeException | Error e) {
      failed(request, response, callback, e);
    }
  }

  /** Runs {@code task} on the server's thread pool; 503 when the pool refuses it (overload). */
  private void dispatch(Request request, Response response, Callback callback, Runnable task) {
    try {
      getServer().getThreadPool().execute(task);
    } catch (RejectedExecutionException full) {
      fail(request, response, callback, 503, "The runtime is overloaded; retry later", full);
    }
  }

  private void failed(Request request, Response response, Callback callback, Throwable e) {
    log.error("Request failed in the runtime: " + e, "path", request.getHttpURI().toString());
    fail(
        request,
        response,
        callback,
        500,
        "The runtime failed to handle the request; see its log",
        e);
  }

  private static void fail(
      Request request,
      Response response,
      Callback callback,
      int status,
      String message,
      Throwable e) {
    if (response.isCommitted()) {
      callback.failed(e);
      return;
    }
    response.reset();
    JettyCalls.error(request, response, callback, false, status, message, null);
  }
}
