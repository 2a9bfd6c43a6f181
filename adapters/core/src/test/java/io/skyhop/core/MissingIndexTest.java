package io.skyhop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.core.functions.Counter;
import io.skyhop.core.functions.Item;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classes that carry {@code @Function} without an index mean the processor did not run (JDK 23+
 * default, or -proc:none): the message names them and the pom lines that fix it.
 */
class MissingIndexTest {
  @TempDir Path classes;

  private void copyClass(Class<?> type) throws IOException, URISyntaxException {
    String file = type.getName().replace('.', '/') + ".class";
    Path from = Path.of(type.getClassLoader().getResource(file).toURI());
    Path to = classes.resolve(file);
    Files.createDirectories(to.getParent());
    Files.copy(from, to);
  }

  @Test
  void findsOnlyTheClassesCarryingFunction() throws Exception {
    copyClass(Counter.class);
    copyClass(Item.class);

    assertThat(MissingIndex.annotatedClasses(classes))
        .containsExactly("io.skyhop.core.functions.Counter");
  }

  @Test
  void annotatedClassesWithoutAnIndexNameTheProcessorAndThePomLines() throws Exception {
    copyClass(Counter.class);

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      assertThatThrownBy(() -> FunctionIndex.load(loader))
          .isInstanceOf(IndexException.class)
          .hasMessage(
              "No Skyhop functions found: META-INF/skyhop/functions.json is not on the class path,"
                  + " yet io.skyhop.core.functions.Counter carries @Function: annotation"
                  + " processing did not run. Since JDK 23 javac runs no annotation processor"
                  + " found on the class path unless asked to, and -proc:none"
                  + " (<proc>none</proc>) switches it off. Fix: declare the processor in pom.xml"
                  + " (the version is that of your skyhop-sdk-api dependency), remove any"
                  + " -proc:none, then run mvn clean verify:\n"
                  + "<plugin>\n"
                  + "  <groupId>org.apache.maven.plugins</groupId>\n"
                  + "  <artifactId>maven-compiler-plugin</artifactId>\n"
                  + "  <configuration>\n"
                  + "    <annotationProcessorPaths>\n"
                  + "      <path>\n"
                  + "        <groupId>io.skyhop</groupId>\n"
                  + "        <artifactId>skyhop-sdk-api</artifactId>\n"
                  + "        <version>${skyhop.version}</version>\n"
                  + "      </path>\n"
                  + "    </annotationProcessorPaths>\n"
                  + "  </configuration>\n"
                  + "</plugin>\n");
    }
  }

  @Test
  void manyClassesAreCountedAfterTheFirstThree() {
    assertThat(
            MissingIndex.message(
                "is missing", java.util.List.of("a.A", "a.B", "a.C", "a.D", "a.E")))
        .startsWith(
            "No Skyhop functions found: META-INF/skyhop/functions.json is missing, yet a.A, a.B,"
                + " a.C and 2 more carry @Function: annotation processing did not run.");
  }
}
