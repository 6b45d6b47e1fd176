package dev.keel.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keel-db's records get a {@code KeelRow_<Record>} binder that compiles without a warning under
 * {@code -Xlint:all,-processing -Werror} and calls the constructor and accessors; records a class
 * in the package cannot name get none. keel-db's annotations and SPI are copied here by name
 * (keel-db's own tests use this processor, so this module cannot depend on keel-db).
 */
class RowProcessorTest {
  @TempDir Path out;

  private static final String DB_STUBS =
      """
      package dev.keel.db;
      import java.lang.annotation.*;
      public final class Stubs {}
      """;

  private static JavaFileObject source(String name, String text) {
    return InMemorySource.of(name, text);
  }

  private static JavaFileObject annotation(String name, String target) {
    return source(
        "dev/keel/db/" + name,
        """
        package dev.keel.db;
        import java.lang.annotation.*;
        @Retention(RetentionPolicy.RUNTIME) @Target({%s})
        public @interface %s { String value() default ""; }
        """
            .formatted(target, name));
  }

  private List<Diagnostic<? extends JavaFileObject>> compile(String app) throws Exception {
    var diagnostics = new DiagnosticCollector<JavaFileObject>();
    var task =
        ToolProvider.getSystemJavaCompiler()
            .getTask(
                null,
                null,
                diagnostics,
                List.of(
                    "-d",
                    out.toString(),
                    "-s",
                    out.toString(),
                    "-proc:full",
                    "-processor",
                    "dev.keel.processor.internal.RowProcessor",
                    "-Xlint:all,-processing", // as applications compile: see examples/conduit
                    "-Werror"),
                null,
                List.of(
                    source("dev/keel/db/Stubs", DB_STUBS),
                    annotation("Table", "ElementType.TYPE"),
                    annotation("Id", "ElementType.RECORD_COMPONENT, ElementType.PARAMETER"),
                    annotation("Version", "ElementType.RECORD_COMPONENT"),
                    annotation("Column", "ElementType.RECORD_COMPONENT"),
                    source(
                        "dev/keel/db/spi/RecordBinder",
                        """
                        package dev.keel.db.spi;
                        public interface RecordBinder<T> {
                          Class<T> type();
                          T create(Object[] values);
                          Object value(T record, int index);
                        }
                        """),
                    source("demo/Shop", app)));
    task.call();
    return diagnostics.getDiagnostics();
  }

  private static final String SHOP =
      """
      package demo;
      import dev.keel.db.*;
      import java.util.*;
      public class Shop {
        @Table("item")
        public record Item(@Id long id, @Trimmed String name, Optional<String> note,
            List<Map<String, Integer>> stock, int[] sizes, Kind kind) {}
        record Tagged(@Column("t") Set<? extends CharSequence> tags) {}
        @Table("empty") record Empty() {}
        public record Projection(String name) {}
        @Table("secret") private record Secret(@Id long id) {}
        @Table("hidden_kind") record HiddenKind(@Id long id, Mood mood) {}
        public enum Kind { TOOL, TOY }
        private enum Mood { GLAD }
        /** A type-use annotation, as Jakarta validation's are: the binder's cast leaves it out. */
        @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE)
        @interface Trimmed {}
      }
      """;

  @Test
  void theBindersCompileWithoutWarningsForTheRecordsAClassCanName() throws Exception {
    assertThat(compile(SHOP)).isEmpty();
    try (var files = Files.list(out.resolve("demo"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java")))
          .containsExactlyInAnyOrder(
              "KeelRow_Shop_Item.java", "KeelRow_Shop_Tagged.java", "KeelRow_Shop_Empty.java");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theBinderCallsTheConstructorAndTheAccessors() throws Exception {
    assertThat(compile(SHOP)).isEmpty();
    try (var loader = new URLClassLoader(new java.net.URL[] {out.toUri().toURL()}, null)) {
      Class<?> binderClass = loader.loadClass("demo.KeelRow_Shop_Item");
      Object binder = binderClass.getConstructor().newInstance();
      Class<?> item = loader.loadClass("demo.Shop$Item");
      assertThat(binderClass.getMethod("type").invoke(binder)).isEqualTo(item);
      Object kind = loader.loadClass("demo.Shop$Kind").getEnumConstants()[1];
      Object[] values = {
        7L, "lamp", Optional.of("bright"), List.of(java.util.Map.of("a", 1)), new int[] {1}, kind
      };
      Function<Object[], Object> create =
          v -> invoke(binderClass, binder, "create", new Class<?>[] {Object[].class}, (Object) v);
      Object record = create.apply(values);
      BiFunction<Object, Integer, Object> value =
          (r, i) ->
              invoke(binderClass, binder, "value", new Class<?>[] {Object.class, int.class}, r, i);
      for (int i = 0; i < values.length; i++)
        assertThat(value.apply(record, i)).isSameAs(values[i]);
      assertThat(record.toString()).startsWith("Item[id=7, name=lamp, note=Optional[bright]");
    }
  }

  private static Object invoke(
      Class<?> type, Object target, String name, Class<?>[] params, Object... args) {
    try {
      var m =
          java.util.Arrays.stream(type.getMethods())
              .filter(x -> x.getName().equals(name) && !x.isBridge())
              .filter(x -> x.getParameterCount() == params.length)
              .filter(x -> x.getParameterTypes()[params.length - 1] == params[params.length - 1])
              .findFirst()
              .orElseThrow();
      return m.invoke(target, args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
