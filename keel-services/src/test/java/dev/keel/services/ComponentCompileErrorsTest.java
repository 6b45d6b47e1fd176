package dev.keel.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.processor.internal.ComponentProcessor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What cannot cross a process boundary is a compile error on the element at fault, saying what to
 * do. Compiles a component in-process with keel-processor's ComponentProcessor.
 */
class ComponentCompileErrorsTest {
  @TempDir Path out;

  record Error(long line, String message) {}

  /**
   * Compiles {@code body} as the members of {@code @Component interface Shop}, beside {@code
   * extra}.
   */
  private List<Error> compile(String body, String extra) throws Exception {
    String source =
        """
        package demo;

        import dev.keel.services.*;
        import java.util.*;

        @Component
        interface Shop {
        %s
        }
        %s
        """
            .formatted(body, extra);
    var file =
        new SimpleJavaFileObject(
            URI.create("string:///demo/Shop.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    var diagnostics = new DiagnosticCollector<JavaFileObject>();
    String classPath =
        String.join(
            java.io.File.pathSeparator,
            Stream.of(dev.keel.core.Keel.class, Component.class)
                .map(ComponentCompileErrorsTest::location)
                .toList());
    var task =
        ToolProvider.getSystemJavaCompiler()
            .getTask(
                null,
                null,
                diagnostics,
                List.of("-classpath", classPath, "-d", out.toString(), "-proc:full"),
                null,
                List.of(file));
    task.setProcessors(List.of(new ComponentProcessor()));
    boolean ok = task.call();
    var errors = new ArrayList<Error>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(new Error(d.getLineNumber() - 7, d.getMessage(Locale.ROOT)));
      }
    }
    assertThat(ok).as("compiled: %s", errors).isEqualTo(errors.isEmpty());
    return errors;
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aValidComponentCompilesWithItsStubsAndWiring() throws Exception {
    assertThat(
            compile(
                """
                  Order place(Order order, Map<String, List<Integer>> notes) throws Refused;
                  @Idempotent Optional<Order> find(UUID id);
                  void cancel(long id, Status why);
                """,
                """
                record Order(UUID id, List<Line> lines, java.time.Instant at) {}
                record Line(String sku, int quantity, java.math.BigDecimal price) {}
                enum Status { LATE, WRONG }
                final class Refused extends Exception {
                  public Refused(String message) { super(message); }
                }
                final class ShopImpl implements Shop {
                  public Order place(Order order, Map<String, List<Integer>> notes) { return order; }
                  public Optional<Order> find(UUID id) { return Optional.empty(); }
                  public void cancel(long id, Status why) {}
                }
                """))
        .isEmpty();
    assertThat(Files.readString(out.resolve("demo/Shop_Component.java")))
        .contains("java.util.Optional.of(new demo.ShopImpl())")
        .contains("calls.call(\"find\", true, R_find")
        .contains("calls.call(\"place\", false, R_place");
    assertThat(out.resolve("demo/Shop_Component.class")).exists();
    assertThat(
            Files.readString(
                out.resolve("META-INF/services/dev.keel.services.spi.ComponentDescriptor")))
        .isEqualTo("demo.Shop_Component\n");
  }

  @Test
  void overloadsAreRefused() throws Exception {
    assertThat(compile("  void add(String sku);\n  void add(String sku, int n);", ""))
        .containsExactly(
            new Error(
                2,
                "component method add is overloaded: a remote call is found by name, so give each"
                    + " method its own name"));
  }

  @Test
  void aClassThatIsNotARecordIsRefused() throws Exception {
    assertThat(compile("  void add(Cart cart);", "final class Cart { String sku; }"))
        .containsExactly(
            new Error(
                1,
                "parameter 'cart' of component method add cannot cross a process boundary: its"
                    + " type is a class (demo.Cart), not a record; make it a record of "
                    + "records, enums, primitives and their boxes, String, UUID, URI, BigDecimal,"
                    + " BigInteger, java.time values, arrays, and List, Set, Collection, Optional"
                    + " or Map<String, V> of them"));
  }

  @Test
  void whatIsNoValueIsRefusedWhereverItHides() throws Exception {
    var errors =
        compile(
            """
              java.io.InputStream download(String sku);
              void upload(Upload upload);
              void tags(Map<Integer, String> byId);
              void any(List<?> things);
              <T> T generic(String sku);
            """,
            "record Upload(String name, java.io.InputStream body) {}");
    assertThat(errors)
        .extracting(Error::message)
        .containsExactly(
            "the return type of component method download cannot cross a process boundary: it is"
                + " a class (java.io.InputStream), not a record; make it a record of "
                + ComponentShapesText.ALLOWED,
            "parameter 'upload' of component method upload cannot cross a process boundary: its"
                + " type is record demo.Upload whose component 'body' is a class"
                + " (java.io.InputStream), not a record; make it a record of "
                + ComponentShapesText.ALLOWED,
            "parameter 'byId' of component method tags cannot cross a process boundary: its type"
                + " is a Map whose keys are not String (JSON object keys are strings)",
            "parameter 'things' of component method any cannot cross a process boundary: its type"
                + " is a wildcard type argument; name a concrete type",
            "component method generic cannot be generic: name concrete types");
  }

  @Test
  void anExceptionTheCallerCannotRebuildIsRefused() throws Exception {
    assertThat(
            compile(
                "  void pay(long cents) throws Declined;",
                "final class Declined extends Exception { Declined(int code) {} }"))
        .containsExactly(
            new Error(
                1,
                "exception demo.Declined of component method pay needs a public constructor taking"
                    + " the message (String), so the caller can throw it again when the component"
                    + " runs in another process"));
  }

  @Test
  void parametersMayBeNamedLikeTheStubsFields() throws Exception {
    assertThat(compile("  String echo(String implementation, String calls);", "")).isEmpty();
  }

  @Test
  void aComponentNameMustFitInAUrl() throws Exception {
    assertThat(compile("", "@Component(\"price list\") interface Prices {}"))
        .containsExactly(
            new Error(
                3,
                "component name 'price list' must be letters, digits, '-' and '_', starting with a"
                    + " letter: it is part of the URL /_keel/components/<name>/<method> and of"
                    + " keel-deploy.properties"));
  }

  @Test
  void onlyInterfacesAreComponents() throws Exception {
    assertThat(compile("", "@Component final class Cart {}"))
        .containsExactly(
            new Error(
                3, "@Component goes on an interface (the implementation is a class of the app)"));
  }

  /** The list of allowed types, as the messages spell it. */
  static final class ComponentShapesText {
    static final String ALLOWED =
        "records, enums, primitives and their boxes, String, UUID, URI, BigDecimal, BigInteger,"
            + " java.time values, arrays, and List, Set, Collection, Optional or Map<String, V> of"
            + " them";
  }
}
