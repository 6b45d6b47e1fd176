package dev.keel.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.processor.internal.ControllerProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in controllers are compile errors on the element at fault, saying what is allowed. */
class CompileErrorsTest {
  @TempDir Path out;

  record Error(long line, String message) {}

  private List<Error> compile(String body) throws Exception {
    return compile("", body);
  }

  /**
   * Compiles {@code body} as the class {@code Things} annotated {@code classAnnotations} (on the
   * line before the class's first line), beside a copy of keel-security's {@code @Requires}: the
   * processor knows it by name, and keel-security depends on keel-processor for its own tests.
   */
  private List<Error> compile(String classAnnotations, String body) throws Exception {
    String source =
        """
        package demo;

        import dev.keel.core.Context;
        import dev.keel.web.*;
        import java.util.*;

        @Controller("/things") %s
        class Things {
        %s
        }
        """
            .formatted(classAnnotations, body);
    var file = InMemorySource.of("demo/Things", source);
    var diagnostics = new DiagnosticCollector<JavaFileObject>();
    var compiler = ToolProvider.getSystemJavaCompiler();
    String classPath =
        String.join(
            java.io.File.pathSeparator,
            Stream.of(
                    dev.keel.core.Keel.class,
                    dev.keel.web.Controller.class,
                    jakarta.validation.Valid.class)
                .map(CompileErrorsTest::location)
                .toList());
    var task =
        compiler.getTask(
            null,
            null,
            diagnostics,
            List.of("-classpath", classPath, "-d", out.toString(), "-proc:full"),
            null,
            List.of(
                file,
                source("dev/keel/security/Requires", REQUIRES),
                source("dev/keel/security/Security", SECURITY)));
    task.setProcessors(List.of(new ControllerProcessor()));
    boolean ok = task.call();
    var errors = new ArrayList<Error>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(new Error(d.getLineNumber() - 8, d.getMessage(Locale.ROOT)));
      }
    }
    assertThat(ok).as("compiled: %s", errors).isEqualTo(errors.isEmpty());
    return errors;
  }

  private static final String REQUIRES =
      """
      package dev.keel.security;

      @java.lang.annotation.Target({
        java.lang.annotation.ElementType.TYPE, java.lang.annotation.ElementType.METHOD
      })
      public @interface Requires {
        String[] value();
      }
      """;

  /** The one method of keel-security's Security that generated guards call. */
  private static final String SECURITY =
      """
      package dev.keel.security;

      public final class Security {
        public static Object authorize(dev.keel.core.Context ctx, String... permissions) {
          return null;
        }
      }
      """;

  private static JavaFileObject source(String name, String text) {
    return InMemorySource.of(name, text);
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aValidControllerCompilesAndItsRoutesClassIsGenerated() throws Exception {
    assertThat(
            compile(
                "  @Get(\"/{id}\") String get(long id, @Query Optional<String> q) { return q.orElse(\"\") + id; }"))
        .isEmpty();
    assertThat(Files.exists(out.resolve("demo/ThingsRoutes.class"))).isTrue();
    assertThat(Files.readString(out.resolve("META-INF/services/dev.keel.core.spi.RouteBinder")))
        .isEqualTo("demo.ThingsRoutes\n");
  }

  @Test
  void generatedRoutesImportOnlyPublicApiAndTheWebSpi() throws Exception {
    assertThat(
            compile(
                """
                  @Provided(status = 401) public record User(String name) {}
                  public record Item(@jakarta.validation.constraints.NotBlank String name) {}
                  public record Page<T>(List<T> items) {}
                  public enum Sort { OLDEST, NEWEST }
                  @Get("/{id}") @dev.keel.security.Requires("things:read")
                  String get(long id, @Query Optional<String> q, @Query List<Sort> sort,
                      @Query(defaultValue = "20") @jakarta.validation.constraints.Max(100) int limit,
                      @Query(defaultValue = "newest") Sort order, @Header("X-A") String a,
                      @Header(value = "X-B", defaultValue = "b") String b, @Cookie Optional<Integer> c,
                      User user, Optional<User> maybe, Context ctx) { return ""; }
                  @Post String post(@Body @jakarta.validation.Valid Item item) { return ""; }
                  @Put String put(@Body Page<Item> page) { return ""; }
                  @Delete void delete() {}
                """))
        .isEmpty();
    String routes = Files.readString(out.resolve("demo/ThingsRoutes.java"));
    assertThat(routes)
        .contains("import dev.keel.web.spi.Bindings;")
        .contains("ctx.header(\"X-B\", java.lang.String.class).orElse(D0_6)")
        .doesNotContain(".internal.")
        .doesNotContain("tools.jackson");
    for (String line : routes.split("\n")) {
      if (line.startsWith("import ")) {
        assertThat(line)
            .matches(
                "import (dev\\.keel\\.core|dev\\.keel\\.core\\.spi|dev\\.keel\\.web\\.spi)\\.\\w+;"
                    + "|import javax\\.annotation\\.processing\\.Generated;");
      }
    }
  }

  @Test
  void aDefaultThatDoesNotConvertIsAnErrorNamingTheParameter() throws Exception {
    assertThat(
            compile(
                """
                  enum Sort { OLDEST, NEWEST }
                  @Get String a(
                    @Query(defaultValue = "abc") int limit,
                    @Query(defaultValue = "newer") Sort sort,
                    @Query(defaultValue = "NaN") double ratio,
                    @Header(value = "X-Id", defaultValue = "1-2-3-4-5") java.util.UUID id,
                    @Cookie(defaultValue = "maybe") boolean beta,
                    @Query(defaultValue = "2026-01-31T12:00:00") java.time.OffsetDateTime at,
                    @Query(defaultValue = "a\\u0000") String text) { return ""; }
                """))
        .containsExactly(
            new Error(
                3,
                "the defaultValue \"abc\" of limit does not convert to int: it must be a whole"
                    + " number from -2147483648 to 2147483647"),
            new Error(
                4,
                "the defaultValue \"newer\" of sort does not convert to Sort: it must be one of"
                    + " OLDEST, NEWEST (in any case)"),
            new Error(
                5,
                "the defaultValue \"NaN\" of ratio does not convert to double: it must be a"
                    + " decimal number such as 12.5"),
            new Error(
                6,
                "the defaultValue \"1-2-3-4-5\" of id does not convert to UUID: it must be a UUID"
                    + " such as 123e4567-e89b-12d3-a456-426614174000"),
            new Error(
                7,
                "the defaultValue \"maybe\" of beta does not convert to boolean: it must be true or"
                    + " false"),
            new Error(
                8,
                "the defaultValue \"2026-01-31T12:00:00\" of at does not convert to"
                    + " OffsetDateTime: it must be an ISO-8601 date-time with offset such as"
                    + " 2026-01-31T12:00:00+01:00"),
            new Error(
                9,
                "the defaultValue \"a\\000\" of text does not convert to String: it must be text"
                    + " without NUL characters or unpaired surrogates, which no request value may"
                    + " hold"));
  }

  @Test
  void aDefaultOnAnOptionalOrAListIsAnErrorSayingWhy() throws Exception {
    assertThat(
            compile(
                """
                  @Get String a(
                    @Query(defaultValue = "20") Optional<Integer> limit,
                    @Query(defaultValue = "a") List<String> tag,
                    @Header(value = "X-T", defaultValue = "t") Optional<String> t) { return ""; }
                """))
        .containsExactly(
            new Error(
                2,
                "limit is Optional<Integer> and has a defaultValue, so it could never be empty;"
                    + " declare it Integer limit to receive the default when the request leaves"
                    + " it out, or remove defaultValue to see that as Optional.empty()"),
            new Error(
                3,
                "tag is a List, which is empty when the request leaves it out; remove"
                    + " defaultValue (a repeated parameter has no default)"),
            new Error(
                4,
                "t is Optional<String> and has a defaultValue, so it could never be empty;"
                    + " declare it String t to receive the default when the request leaves it"
                    + " out, or remove defaultValue to see that as Optional.empty()"));
  }

  @Test
  void unsupportedParameterTypeIsAnErrorOnTheParameter() throws Exception {
    assertThat(compile("  @Get String get(\n  @Query Thread t) { return \"\"; }"))
        .containsExactly(
            new Error(
                2,
                "parameter t has type java.lang.Thread, which @Query cannot bind; allowed:"
                    + " primitives and their boxes, String, UUID, BigDecimal, Instant, LocalDate,"
                    + " OffsetDateTime or an enum, Optional<T> of these, List<T> of these for a"
                    + " repeated parameter"));
  }

  @Test
  void listIsOnlyForQueryParameters() throws Exception {
    assertThat(compile("  @Get String get(@Header(\"X-A\") List<String> a) { return \"\"; }"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.message())
                    .startsWith(
                        "parameter a has type java.util.List<java.lang.String>, which @Header cannot bind"));
  }

  @Test
  void duplicateRoutesAreAnErrorOnTheSecondMethod() throws Exception {
    assertThat(
            compile(
                """
                  @Get("/{id}") String a(String id) { return id; }
                  @Get("/{slug}") String b(String slug) { return slug; }
                """))
        .containsExactly(
            new Error(
                2,
                "duplicate route GET /things/{slug}: Things.a() already handles it; change the"
                    + " path or the HTTP method of one of them"));
  }

  @Test
  void aPathParameterWithoutAMethodParameterIsAnError() throws Exception {
    assertThat(compile("  @Get(\"/{id}\") String get() { return \"\"; }"))
        .containsExactly(
            new Error(
                1,
                "the path /things/{id} has {id} but get() has no parameter named id; add one,"
                    + " e.g. String id, or remove {id} from the path"));
  }

  @Test
  void anUnboundParameterIsAnErrorSayingHowToBindIt() throws Exception {
    assertThat(compile("  @Get String get(String name) { return name; }"))
        .containsExactly(
            new Error(
                1,
                "parameter name is not bound to the request: name a {name} of the path after it,"
                    + " or annotate it with @Query, @Header, @Cookie or @Body; framework-provided"
                    + " parameters are Context, keel-security's Principal and types annotated"
                    + " @Provided"));
  }

  @Test
  void aScalarBodyAndTwoBodiesAreErrors() throws Exception {
    assertThat(compile("  @Post String a(@Body int n) { return \"\"; }"))
        .singleElement()
        .satisfies(
            e -> assertThat(e.message()).startsWith("@Body n has type int; a body is a record"));
    assertThat(
            compile(
                "  record R(String a) {}\n  @Post String a(@Body R x, @Body R y) { return \"\"; }"))
        .containsExactly(
            new Error(
                2, "only one parameter can be the @Body; combine the values into one record"));
  }

  @Test
  void privateRouteMethodsAndBadStatusAreErrors() throws Exception {
    assertThat(compile("  @Get private String a() { return \"\"; }"))
        .extracting(Error::message)
        .containsExactly(
            "a route method must be a non-private instance method; remove private/static");
    assertThat(compile("  @Get @Status(404) String a() { return \"\"; }"))
        .extracting(Error::message)
        .containsExactly(
            "@Status(404): a success status is 200-399; throw an HttpException for errors");
  }

  @Test
  void aConstraintOnAnOptionalMustGoInside() throws Exception {
    assertThat(
            compile(
                "  @Get String a(@Query @jakarta.validation.constraints.Max(9) Optional<Integer> n)"
                    + " { return \"\"; }"))
        .extracting(Error::message)
        .containsExactly(
            "a constraint on n would apply to the Optional, not to its value; put it inside, e.g."
                + " Optional<@Max(100) Integer> n");
    assertThat(
            compile(
                "  @Get String a(@Query Optional<@jakarta.validation.constraints.Max(9) Integer> n)"
                    + " { return \"\"; }"))
        .isEmpty();
  }

  @Test
  void slashIsThePrefixItselfSoItDuplicatesAnEmptyPath() throws Exception {
    assertThat(
            compile(
                "  @Get String a() { return \"\"; }\n  @Get(\"/\") String b() { return \"\"; }"))
        .extracting(Error::message)
        .containsExactly(
            "duplicate route GET /things: Things.a() already handles it; change the path or the"
                + " HTTP method of one of them");
  }

  @Test
  void requiresMustNameAPermission() throws Exception {
    String fix =
        "; name what the caller must hold, e.g. @Requires(\"articles:write\"), or remove it (a"
            + " Principal parameter alone requires authentication)";
    assertThat(
            compile(
                "  @Get @dev.keel.security.Requires({}) String a() { return \"\"; }\n"
                    + "  @Get(\"/b\") @dev.keel.security.Requires({\"x:read\", \" \"}) String b() {"
                    + " return \"\"; }"))
        .containsExactly(
            new Error(1, "@Requires on a lists no permission" + fix),
            new Error(2, "@Requires on b lists a blank permission" + fix));
    assertThat(compile("@dev.keel.security.Requires(\"\")", "  @Get String a() { return \"\"; }"))
        .containsExactly(new Error(-1, "@Requires on Things lists a blank permission" + fix));
    assertThat(
            compile(
                "@dev.keel.security.Requires(\"x:read\")", "  @Get String a() { return \"\"; }"))
        .isEmpty();
  }

  @Test
  void aPermissionWithWhitespaceIsAnError() throws Exception {
    assertThat(
            compile(
                "  @Get @dev.keel.security.Requires(\"articles: write\") String a() { return \"\"; }"))
        .containsExactly(
            new Error(
                1,
                "@Requires on a: the permission \"articles: write\" contains whitespace;"
                    + " permissions are single words such as articles:write"));
  }

  @Test
  void requiresOnAMethodThatIsNoRouteIsAnError() throws Exception {
    assertThat(compile("  @dev.keel.security.Requires(\"x:write\") void helper() {}"))
        .containsExactly(
            new Error(
                1,
                "@Requires on helper() guards nothing: it is not a route; add @Get, @Post, @Put,"
                    + " @Patch or @Delete, or check in code with Security.authorize(ctx, ...)"));
  }
}
