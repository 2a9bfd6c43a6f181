package bench.quarkus;

import io.quarkus.funqy.Funq;

/**
 * The hello function on Quarkus Funqy HTTP: {@code GET /hello?name=Ada} answers {@code
 * {"message":"Hello, Ada!"}} (Funqy binds a GET's query parameters to the input object).
 */
public class Hello {
  /** The input: the query parameter {@code name}. */
  public static class Name {
    private String name;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }
  }

  /** The answer. */
  public static class Greeting {
    private final String message;

    public Greeting(String message) {
      this.message = message;
    }

    public String getMessage() {
      return message;
    }
  }

  /** The function, exposed at {@code /hello}. */
  @Funq
  public Greeting hello(Name input) {
    return new Greeting("Hello, " + (input.getName() == null ? "world" : input.getName()) + "!");
  }
}
