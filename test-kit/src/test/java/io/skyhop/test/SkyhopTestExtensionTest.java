package io.skyhop.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.test.library.Book;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code @SkyhopTest} gives each test its own {@link Skyhop}: no state leaks between tests. */
@SkyhopTest
class SkyhopTestExtensionTest {
  private final Skyhop fromConstructor;

  SkyhopTestExtensionTest(Skyhop skyhop) {
    this.fromConstructor = skyhop;
  }

  @Test
  void injectsASkyhopLoadedFromTheTestClassPath(Skyhop skyhop) {
    assertThat(skyhop.functions())
        .containsExactlyInAnyOrder(
            "get",
            "add-book",
            "search",
            "crash",
            "inventory",
            "on-return",
            "audit",
            "on-cover",
            "vault-door");
    assertThat(skyhop.get("/books/111").status()).isEqualTo(200);
  }

  @Test
  void constructorAndMethodParametersOfOneTestShareOneSkyhop(Skyhop first, Skyhop second) {
    assertThat(first).isSameAs(second).isSameAs(fromConstructor);
  }

  // Two identical tests: whichever runs second fails if the first one's book leaked into it.

  @Test
  void functionInstancesAreFreshInEveryTest(Skyhop skyhop) {
    addBookThatMustBeNew(skyhop);
  }

  @Test
  void functionInstancesAreFreshInEveryTestToo(Skyhop skyhop) {
    addBookThatMustBeNew(skyhop);
  }

  private static void addBookThatMustBeNew(Skyhop skyhop) {
    assertThat(skyhop.get("/books/222").status()).isEqualTo(404);
    skyhop.post("/books", "{\"isbn\":\"222\",\"title\":\"Emma\",\"copies\":1}");
    assertThat(skyhop.read(skyhop.get("/books/222"), Book.class).title()).isEqualTo("Emma");
  }

  @Test
  void logsStartEmptyInEveryTest(Skyhop skyhop) {
    assertThat(skyhop.logs()).isEmpty();
    skyhop.get("/books/111");
    assertThat(skyhop.logs()).containsExactly("INFO Welcome 111");
  }

  @Test
  void logsStartEmptyInEveryTestToo(Skyhop skyhop) {
    assertThat(skyhop.logs()).isEmpty();
    skyhop.get("/books/111");
    assertThat(skyhop.logs()).containsExactly("INFO Welcome 111");
  }

  @Nested
  class InANestedClass {
    @Test
    void parametersResolveToo(Skyhop skyhop) {
      assertThat(skyhop.get("/books/111").status()).isEqualTo(200);
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class PerClassLifecycle {
    private final Skyhop shared;

    PerClassLifecycle(Skyhop skyhop) {
      this.shared = skyhop;
    }

    @Test
    void theConstructorsSkyhopServesTheClassAndEachTestStillGetsItsOwn(Skyhop skyhop) {
      assertThat(skyhop).isNotSameAs(shared);
      assertThat(shared.get("/books/111").status()).isEqualTo(200);
      assertThat(skyhop.get("/books/111").status()).isEqualTo(200);
    }
  }
}
