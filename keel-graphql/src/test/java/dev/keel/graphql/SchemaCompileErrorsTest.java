package dev.keel.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What has no GraphQL type is a compile error on the method, saying what to use instead. */
class SchemaCompileErrorsTest {
  @TempDir Path out;

  private List<String> compile(String body) throws Exception {
    String source =
        """
        package demo;
        import dev.keel.graphql.*;
        import java.util.*;
        @GraphQlApi
        public class Api {
          public record Item(long id, String name) {}
          %s
        }
        """
            .formatted(body);
    var file =
        new SimpleJavaFileObject(
            URI.create("string:///demo/Api.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    var compiler = ToolProvider.getSystemJavaCompiler();
    var diagnostics = new DiagnosticCollector<JavaFileObject>();
    Files.createDirectories(out);
    List<String> options =
        List.of(
            "-classpath", System.getProperty("java.class.path"),
            "-processor", "dev.keel.processor.internal.GraphQlProcessor",
            "-d", out.toString(),
            "-s", out.toString());
    compiler.getTask(null, null, diagnostics, options, null, List.of(file)).call();
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(java.util.Locale.ROOT))
        .toList();
  }

  @Test
  void aValidApiCompilesAndItsSchemaIsGenerated() throws Exception {
    assertThat(
            compile("@Query public List<Item> items(Optional<String> name) { return List.of(); }"))
        .isEmpty();
    String generated = Files.readString(out.resolve("demo/ApiGraphQl.java"));
    assertThat(generated)
        .contains("type Query {\\n  items(name: String): [Item!]!\\n}")
        .contains("((demo.Api.Item) c.source()).name()")
        .doesNotContain("reflect");
  }

  @Test
  void mapsHaveNoGraphQlType() throws Exception {
    assertThat(compile("@Query public Map<String, Item> byName() { return Map.of(); }"))
        .singleElement()
        .asString()
        .contains(
            "GraphQL field Query.byName: type java.util.Map<java.lang.String, demo.Api.Item>"
                + " has no GraphQL type; use a record (not generic), an enum, List<T>, Optional<T>");
  }

  @Test
  void argumentsOfClassesAreRefused() throws Exception {
    assertThat(compile("@Mutation public Item save(Object thing) { return null; }"))
        .singleElement()
        .asString()
        .contains("GraphQL argument 'thing' of save: type java.lang.Object has no GraphQL type");
  }

  @Test
  void batchedNeedsListsOfParentsAndValues() throws Exception {
    assertThat(
            compile(
                "@Query public Item one() { return null; } @Batched public String label(Item item) { return \"\"; }"))
        .singleElement()
        .asString()
        .contains("@Batched method label must take the parents as List<P>");
  }

  @Test
  void subscriptionsReturnPublishers() throws Exception {
    assertThat(compile("@Subscription public Item changes() { return null; }"))
        .singleElement()
        .asString()
        .contains(
            "@Subscription method changes must return java.util.concurrent.Flow.Publisher<T>");
  }
}
