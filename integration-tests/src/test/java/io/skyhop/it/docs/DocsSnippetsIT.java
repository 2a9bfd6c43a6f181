package io.skyhop.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyhop.it.FunctionJavac;
import io.skyhop.it.Repo;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code java} code block of README.md and docs/ compiles against skyhop-sdk-api with its
 * annotation processor on: a snippet that does not compile, or a function the processor rejects,
 * fails the build.
 */
class DocsSnippetsIT {
  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS =
      Pattern.compile("(?m)^public\\s+(?:final\\s+)?(?:class|record|interface|enum)\\s+(\\w+)");

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetCompiles() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(Repo.root().resolve("README.md"));
    try (Stream<Path> docs = Files.walk(Repo.root().resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path page : pages) {
      Matcher m = BLOCK.matcher(Files.readString(page));
      int n = 0;
      while (m.find()) {
        String code = m.group(1);
        String name = Repo.root().relativize(page) + " snippet " + (++n);
        tests.add(DynamicTest.dynamicTest(name, () -> compiles(name, code)));
      }
    }
    assertThat(tests).as("java snippets in README.md and docs/").hasSizeGreaterThan(5);
    return tests.stream();
  }

  private static void compiles(String name, String code) throws IOException {
    Matcher cls = CLASS.matcher(code);
    assertThat(cls.find()).as(name + " declares a public top-level type").isTrue();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path out = Files.createTempDirectory("snippet");
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaFileObject source =
          new SimpleJavaFileObject(
              java.net.URI.create("string:///" + cls.group(1) + ".java"),
              JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return code;
            }
          };
      boolean ok =
          javac
              .getTask(
                  diagnostics,
                  files,
                  null,
                  FunctionJavac.options(System.getProperty("java.class.path"), out),
                  null,
                  List.of(source))
              .call();
      assertThat(ok).as(name + " compiles:\n" + diagnostics + "\n" + code).isTrue();
    }
    if (code.contains("@Function")) {
      assertThat(out.resolve("META-INF/skyhop/functions.json"))
          .as(name + ": the annotation processor ran and indexed its functions")
          .exists();
    }
  }
}
