package io.skyhop.tooling.pack.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyhop.core.FunctionIndex;
import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.ConfigurationException;
import io.skyhop.tooling.Target;
import io.skyhop.tooling.pack.Library;
import io.skyhop.tooling.pack.PackageRequest;
import io.skyhop.tooling.pack.Packager;
import io.skyhop.tooling.pack.TargetEntries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsPackagerTest {
  @TempDir Path tmp;
  private final List<String> messages = new ArrayList<>();
  private final BuildListener listener =
      new BuildListener() {
        @Override
        public void info(String message) {
          messages.add("INFO " + message);
        }

        @Override
        public void warn(String message) {
          messages.add("WARN " + message);
        }
      };
  private Path classes;

  @BeforeEach
  void classes() throws IOException {
    classes = tmp.resolve("classes");
    Files.createDirectories(classes.resolve("META-INF/skyhop"));
    Files.createDirectories(classes.resolve("com/example"));
    Files.writeString(classes.resolve(FunctionIndex.RESOURCE), resource("functions.json"));
    Files.write(classes.resolve("com/example/Shop.class"), new byte[] {(byte) 0xca, (byte) 0xfe});
  }

  @Test
  void zipHasClassesAtTheRootSkyhopUnpackedAndJarsInLibWithoutWhatLambdaProvides()
      throws IOException {
    List<Path> files = new AwsPackager().pack(request("shop", 17), index(), listener);

    assertThat(files)
        .containsExactly(
            tmp.resolve("skyhop/aws/shop.zip"), tmp.resolve("skyhop/aws/template.yaml"));
    assertThat(entries(files.get(0)))
        .containsExactly(
            "META-INF/skyhop/functions.json",
            "com/example/Shop.class",
            "lib/commons-text-1.12.0.jar",
            "io/skyhop/api/HttpRequest.class",
            "io/skyhop/api/cron/CronExpression.class",
            "io/skyhop/aws/SkyhopHandler.class",
            "io/skyhop/core/FunctionRuntime.class",
            "lib/gson-2.13.2.jar");
    assertThat(messages)
        .containsExactly(
            "INFO aws: leaving aws-lambda-java-core-1.4.0.jar out of the zip: the Lambda Java"
                + " runtime provides it (declare it with <scope>provided</scope>)");
  }

  @Test
  void theAdaptersVersionWinsWithAWarning() throws IOException {
    PackageRequest base = request("shop", 17);
    List<Library> deps = new ArrayList<>(base.dependencies());
    deps.add(jar("com.google.code.gson", "gson", "2.10.1"));
    PackageRequest request = withDependencies(base, deps);

    new AwsPackager().pack(request, index(), listener);

    assertThat(entries(tmp.resolve("skyhop/aws/shop.zip"))).contains("lib/gson-2.13.2.jar");
    assertThat(messages)
        .contains(
            "WARN aws: the project depends on com.google.code.gson:gson 2.10.1 but the Skyhop"
                + " adapter needs 2.13.2; the zip holds 2.13.2. Fix: depend on 2.13.2 to run what"
                + " you test");
  }

  @Test
  @SuppressWarnings("unchecked")
  void withAStageTheTemplateNamesAndTagsEachFunctionAsDeployDoes() throws IOException {
    PackageRequest r = request("shop", 21);
    PackageRequest dev =
        new PackageRequest(
            r.app(),
            r.version(),
            r.javaRelease(),
            r.classesDir(),
            r.dependencies(),
            r.adapters(),
            r.outputDir(),
            r.targets(),
            Map.of("skyhop.stage", "dev"));
    new AwsPackager().pack(dev, index(), listener);

    io.skyhop.tooling.deploy.aws.AwsSettings deploy =
        io.skyhop.tooling.deploy.aws.AwsSettings.of(
            "shop",
            new io.skyhop.tooling.deploy.Settings(
                Map.of("skyhop.region", "us-east-1", "skyhop.stage", "dev")));
    Map<String, Object> template =
        new org.yaml.snakeyaml.Yaml()
            .load(Files.readString(tmp.resolve("skyhop/aws/template.yaml")));
    List<String> names = new ArrayList<>();
    List<Object> queues = new ArrayList<>();
    for (Object resource : ((Map<String, Object>) template.get("Resources")).values()) {
      Map<String, Object> res = (Map<String, Object>) resource;
      if ("AWS::SQS::Queue".equals(res.get("Type"))) {
        queues.add(((Map<String, Object>) res.get("Properties")).get("QueueName"));
      }
      if (!"AWS::Serverless::Function".equals(res.get("Type"))) {
        continue;
      }
      Map<String, Object> props = (Map<String, Object>) res.get("Properties");
      String function =
          ((Map<String, Map<String, String>>) props.get("Environment"))
              .get("Variables")
              .get("SKYHOP_FUNCTION");
      names.add((String) props.get("FunctionName"));
      assertThat(props.get("FunctionName")).isEqualTo(deploy.functionName(function));
      assertThat(props.get("Tags")).isEqualTo(deploy.names().functionTags(function));
    }
    assertThat(names).isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("shop-dev-"));
    assertThat(queues)
        .as("the queues deploy creates, under the same names")
        .containsExactlyInAnyOrder(
            deploy.names().deadLetterQueue("orders"), deploy.names().queue("orders"));
  }

  @Test
  void templateIsTheExpectedSamTemplate() throws IOException {
    new AwsPackager().pack(request("shop", 21), index(), listener);

    assertThat(Files.readString(tmp.resolve("skyhop/aws/template.yaml")))
        .isEqualTo(resource("expected-template.yaml"));
  }

  @Test
  void manifestEntryNamesHandlerRuntimePackageAndEnvironment() throws IOException {
    Map<String, Object> entry =
        TargetEntries.asMap(
            new AwsPackager().manifestEntry(request("shop", 17), index().function("get")));

    assertThat(entry)
        .containsExactly(
            Map.entry("functionName", "shop-get"),
            Map.entry("handler", "io.skyhop.aws.SkyhopHandler::handleRequest"),
            Map.entry("runtime", "java17"),
            Map.entry("package", "aws/shop.zip"),
            Map.entry("env", Map.of("GREETING", "hi", "SKYHOP_FUNCTION", "get")));
  }

  @Test
  void aJavaReleaseWithoutALambdaRuntimeFailsNamingTheProperty() {
    assertThatThrownBy(() -> new AwsPackager().pack(request("shop", 19), index(), listener))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "maven.compiler.release = '19' has no AWS Lambda Java runtime: it offers 17 (java17),"
                + " 21 (java21), 25 (java25) (runtime table of 2026-12-07,"
                + " https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html). Fix: set"
                + " maven.compiler.release to one of those, or leave aws out of skyhop.targets");
  }

  @Test
  void anAppNameLambdaRefusesFailsNamingSkyhopApp() {
    assertThatThrownBy(() -> new AwsPackager().pack(request("my.shop", 17), index(), listener))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.app = 'my.shop' cannot be part of an AWS Lambda function name (letters,"
                + " digits, '-' and '_' only). Fix: set -Dskyhop.app= or <skyhop.app> to such a"
                + " name");
  }

  @Test
  void aFunctionNameLongerThanLambdaAllowsFails() {
    String app = "a".repeat(61);
    assertThatThrownBy(() -> new AwsPackager().pack(request(app, 17), index(), listener))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.app = '"
                + app
                + "' makes the AWS Lambda function name '"
                + app
                + "-get' longer than 64 characters. Fix: set a shorter skyhop.app (or shorten the"
                + " function name)");
  }

  @Test
  void aReservedEnvironmentVariableFailsNamingTheFunction() throws IOException {
    Files.writeString(
        classes.resolve(FunctionIndex.RESOURCE),
        resource("functions.json").replace("\"GREETING\"", "\"AWS_REGION\""));

    assertThatThrownBy(() -> new AwsPackager().pack(request("shop", 17), index(), listener))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "@Function(env) = 'AWS_REGION' on function 'get' sets a variable reserved by AWS"
                + " Lambda. Fix: rename the variable");
  }

  @Test
  void withoutTheAdapterJarPackagingFails() {
    PackageRequest base = request("shop", 17);
    PackageRequest request =
        new PackageRequest(
            base.app(),
            base.version(),
            base.javaRelease(),
            base.classesDir(),
            base.dependencies(),
            Map.of(),
            base.outputDir(),
            base.targets(),
            base.options());

    assertThatThrownBy(() -> new AwsPackager().pack(request, index(), listener))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "skyhop.targets = 'aws' cannot be packaged: the AWS adapter io.skyhop:skyhop-aws-lambda"
                + " is not among the plugin's artifacts. Fix: use a skyhop-maven-plugin whose"
                + " dependencies include it (any released version does), or remove aws from"
                + " skyhop.targets");
  }

  private PackageRequest request(String app, int release) {
    List<Library> deps =
        List.of(
            jar("org.apache.commons", "commons-text", "1.12.0"),
            jar("io.skyhop", "skyhop-sdk-api", "0.1.0-SNAPSHOT"),
            jar("com.amazonaws", "aws-lambda-java-core", "1.4.0"));
    List<Library> adapter =
        List.of(
            jar("io.skyhop", "skyhop-aws-lambda", "0.1.0-SNAPSHOT"),
            jar("io.skyhop", "skyhop-adapter-core", "0.1.0-SNAPSHOT"),
            jar("io.skyhop", "skyhop-sdk-api", "0.1.0-SNAPSHOT"),
            jar("com.google.code.gson", "gson", "2.13.2"));
    return new PackageRequest(
        app,
        "1.0.0",
        release,
        classes,
        deps,
        Map.of(Target.named("aws"), adapter),
        tmp.resolve("skyhop"),
        List.of(Target.named("aws")),
        Map.of());
  }

  private static PackageRequest withDependencies(PackageRequest r, List<Library> deps) {
    return new PackageRequest(
        r.app(),
        r.version(),
        r.javaRelease(),
        r.classesDir(),
        deps,
        r.adapters(),
        r.outputDir(),
        r.targets(),
        r.options());
  }

  private Library jar(String group, String artifact, String version) {
    Path file = tmp.resolve("repo").resolve(group + "." + artifact + "-" + version + ".jar");
    try {
      Files.createDirectories(file.getParent());
      if (group.equals("io.skyhop")) {
        writeSkyhopJar(file, artifact);
      } else {
        Files.writeString(file, group + ":" + artifact + ":" + version);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new Library(group, artifact, version, file);
  }

  /** A jar shaped like the real one: classes, a manifest, Maven metadata, the SDK's processor. */
  static void writeSkyhopJar(Path file, String artifact) throws IOException {
    List<String> names = new ArrayList<>();
    names.add("META-INF/MANIFEST.MF");
    names.add("META-INF/maven/io.skyhop/" + artifact + "/pom.xml");
    switch (artifact) {
      case "skyhop-sdk-api" -> {
        names.add("io/skyhop/api/HttpRequest.class");
        names.add("io/skyhop/api/cron/CronExpression.class");
        names.add("io/skyhop/api/processor/FunctionProcessor.class");
        names.add("META-INF/services/javax.annotation.processing.Processor");
      }
      case "skyhop-aws-lambda" -> names.add("io/skyhop/aws/SkyhopHandler.class");
      default -> names.add("io/skyhop/core/FunctionRuntime.class");
    }
    try (java.util.zip.ZipOutputStream out =
        new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
      for (String name : names) {
        out.putNextEntry(new ZipEntry(name));
        out.write(name.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
  }

  private FunctionIndex index() throws IOException {
    return Packager.readIndex(classes);
  }

  private static List<String> entries(Path zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> e = z.entries();
      while (e.hasMoreElements()) {
        names.add(e.nextElement().getName());
      }
    }
    return names;
  }

  static String resource(String name) throws IOException {
    try (InputStream in = AwsPackagerTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
