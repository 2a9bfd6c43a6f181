package io.skyhop.runtime.http;

import io.skyhop.runtime.meter.RuntimeLog;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

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

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    if (path == null
        || !path.startsWith("/")
        || path.equals(AdminApi.PREFIX)
        || path.startsWith(AdminApi.PREFIX + "/")
        || (events && path.startsWith(EventsApi.PREFIX))) {
      return super.handle(request, response, callback);
    }
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
    return true;
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
