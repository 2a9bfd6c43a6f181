package bench.spring;

import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The hello function on Spring Cloud Function (web): {@code GET /hello/Ada} answers {@code
 * {"message":"Hello, Ada!"}}. Spring Cloud Function's web endpoint hands a GET's last path segment
 * to a {@code Function} (a query string does not reach the function), hence the path.
 */
@SpringBootApplication
public class HelloApplication {
  /** The answer. */
  public record Greeting(String message) {}

  /** The function, exposed at {@code /hello}. */
  @Bean
  public Function<String, Greeting> hello() {
    return name -> new Greeting("Hello, " + name + "!");
  }

  public static void main(String[] args) {
    SpringApplication.run(HelloApplication.class, args);
  }
}
