import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The function's own share of a cold start, without the invoker's Jetty start-up: in this fresh
 * JVM, load the entry class from its jar behind a loader that shares only the API (as the invoker
 * does), create it, and serve one {@code GET /hello?name=Ada}. Prints the thread CPU and wall time
 * of those steps and the body. Run with the invoker jar on the class path (for the API):
 * {@code java -cp java-function-invoker.jar FunctionCost.java <jar> <class>}.
 */
public class FunctionCost {
  public static void main(String[] args) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ClassLoader api = new ClassLoader(ClassLoader.getPlatformClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        if ((name.startsWith("com.google.cloud.functions.") || name.startsWith("io.cloudevents."))
            && name.lastIndexOf('.') == name.indexOf('.', name.startsWith("io.") ? 3 : 26)
            && Character.isUpperCase(simple.charAt(0))) {
          return FunctionCost.class.getClassLoader().loadClass(name);
        }
        throw new ClassNotFoundException(name);
      }
    };
    long cpu0 = threads.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()}, api);
    Thread.currentThread().setContextClassLoader(loader);
    HttpFunction function = (HttpFunction) loader.loadClass(args[1]).getConstructor().newInstance();
    Response response = new Response();
    function.service(new Request(), response);
    long cpu = threads.getCurrentThreadCpuTime() - cpu0;
    long wall = System.nanoTime() - wall0;
    System.out.printf("%.2f %.2f %s%n", cpu / 1e6, wall / 1e6, response.body.toString(StandardCharsets.UTF_8));
  }

  static final class Request implements HttpRequest {
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    Request() {
      headers.put("Host", List.of("127.0.0.1:8080"));
      headers.put("User-Agent", List.of("bench"));
      headers.put("Accept", List.of("*/*"));
    }

    @Override public String getMethod() { return "GET"; }
    @Override public String getUri() { return "http://127.0.0.1:8080/hello?name=Ada"; }
    @Override public String getPath() { return "/hello"; }
    @Override public Optional<String> getQuery() { return Optional.of("name=Ada"); }
    @Override public Map<String, List<String>> getQueryParameters() {
      return Map.of("name", List.of("Ada"));
    }
    @Override public Map<String, HttpPart> getParts() { return Map.of(); }
    @Override public Optional<String> getContentType() { return Optional.empty(); }
    @Override public long getContentLength() { return 0; }
    @Override public Optional<String> getCharacterEncoding() { return Optional.empty(); }
    @Override public InputStream getInputStream() { return new ByteArrayInputStream(new byte[0]); }
    @Override public BufferedReader getReader() { return new BufferedReader(new StringReader("")); }
    @Override public Map<String, List<String>> getHeaders() { return headers; }
  }

  static final class Response implements HttpResponse {
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    @Override public void setStatusCode(int code) {}
    @Override public void setStatusCode(int code, String message) {}
    @Override public void setContentType(String type) { headers.put("Content-Type", List.of(type)); }
    @Override public Optional<String> getContentType() {
      return Optional.ofNullable(headers.get("Content-Type")).map(v -> v.get(0));
    }
    @Override public void appendHeader(String name, String value) {
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    @Override public Map<String, List<String>> getHeaders() { return headers; }
    @Override public OutputStream getOutputStream() { return body; }
    @Override public BufferedWriter getWriter() {
      return new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
    }
  }
}
