package io.skyhop.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@link Exchanges}' rules for Jetty's own {@link Request} and {@link Response}, which serve
 * function calls without the {@code HttpExchange} bridge: bodies read up to a limit and sized by
 * what arrives, never by the declared length; a refused request's body read only as far as it has
 * arrived (up to 1 MB within 1 s) and its connection then closed; answers written without waiting
 * for the client to read them (the callback completes the call).
 */
final class JettyCalls {
  private JettyCalls() {}

  /** Reads the body, at most {@code limit} bytes; above, drains the rest (up to 64 MB). */
  static byte[] body(Request request, long limit) throws Exchanges.TooLarge, Exchanges.Unreadable {
    HttpFields headers = request.getHeaders();
    String declared = headers.get(HttpHeader.CONTENT_LENGTH);
    long length = declared == null ? -1 : Exchanges.parseLong(declared);
    try (InputStream in = Content.Source.asInputStream(request)) {
      if (length > limit) {
        Exchanges.drain(in);
        throw new Exchanges.TooLarge(limit);
      }
      if (length == 0 || (declared == null && !headers.contains(HttpHeader.TRANSFER_ENCODING))) {
        return new byte[0];
      }
      return Exchanges.readBounded(in, length, limit);
    } catch (IOException e) {
      throw new Exchanges.Unreadable(e);
    }
  }

  /** Sends {@code {"error": message}} (plus the request id when there is one). */
  static void error(
      Request request,
      Response response,
      Callback callback,
      boolean bodyRead,
      int status,
      String message,
      String requestId) {
    send(
        request,
        response,
        callback,
        bodyRead,
        status,
        "application/json",
        Exchanges.errorJson(message, requestId).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends bytes with a content type (none for an empty body) and completes the call once written.
   *
   * @param bodyRead whether the handler read the request body; when not and one was declared, what
   *     has arrived of it is read (up to 1 MB within 1 s) and the connection is closed
   */
  static void send(
      Request request,
      Response response,
      Callback callback,
      boolean bodyRead,
      int status,
      String contentType,
      byte[] body) {
    HttpFields.Mutable out = response.getHeaders();
    if (!bodyRead && declaresBody(request.getHeaders())) {
      lingerOn(request, request.getHeaders().get(HttpHeader.CONTENT_LENGTH));
      out.put(HttpHeader.CONNECTION, "close");
    }
    if (contentType != null) {
      out.put(HttpHeader.CONTENT_TYPE, contentType);
    }
    boolean noBody =
        body.length == 0 || status == 204 || status == 304 || "HEAD".equals(request.getMethod());
    response.setStatus(status);
    if (noBody) {
      if (status != 204 && status != 304) {
        out.put(HttpHeader.CONTENT_LENGTH, body.length == 0 ? 0 : body.length);
      }
      response.write(true, null, callback);
    } else {
      out.put(HttpHeader.CONTENT_LENGTH, body.length);
      response.write(true, ByteBuffer.wrap(body), callback);
    }
  }

  /** Reads what arrives without waiting for more, up to the declared length or 1 MB, within 1 s. */
  private static void lingerOn(Request request, String declared) {
    long limit =
        Math.min(
            Exchanges.LINGER_BYTES,
            declared == null ? Long.MAX_VALUE : Exchanges.parseLong(declared));
    long deadline = System.nanoTime() + 1_000_000_000L;
    long read = 0;
    try {
      while (read < limit && System.nanoTime() < deadline) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          Thread.sleep(2);
          continue;
        }
        read += chunk.remaining();
        boolean last = chunk.isLast() || Content.Chunk.isFailure(chunk);
        chunk.release();
        if (last) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static boolean declaresBody(HttpFields headers) {
    String length = headers.get(HttpHeader.CONTENT_LENGTH);
    return (length != null && !length.strip().equals("0"))
        || headers.contains(HttpHeader.TRANSFER_ENCODING);
  }

  /** A header name as {@code com.sun.net.httpserver.Headers} spells it: {@code Content-type}. */
  static String headerName(HttpField field) {
    String name = field.getName();
    if (name.isEmpty()) {
      return name;
    }
    StringBuilder b = new StringBuilder(name.length());
    b.append(Character.toUpperCase(name.charAt(0)));
    for (int i = 1; i < name.length(); i++) {
      b.append(Character.toLowerCase(name.charAt(i)));
    }
    return b.toString();
  }
}
