package dev.keel.cli.internal.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiler's decisions: an edit alone when the ABI holds, the module when it does not. */
class DevCompilerTest {
  @TempDir Path dir;
  private Path src;
  private DevCompiler compiler;

  @BeforeEach
  void project() throws IOException {
    src = dir.resolve("src/main/java");
    write(
        "app/Greeter.java",
        """
        package app;
        public class Greeter {
          public static final String PREFIX = "hello ";
          public String greet(String name) { return PREFIX + name; }
          private int unused() { return 1; }
        }
        """);
    write(
        "app/Main.java",
        """
        package app;
        public class Main {
          public static String run() { return new Greeter().greet("ann"); }
        }
        """);
    compiler =
        new DevCompiler(
            src, dir.resolve("dev/classes"), dir.resolve("dev/generated"), List.of(), List.of());
    assertThat(compiler.compileAll().mode()).isEqualTo("full");
  }

  @AfterEach
  void close() throws IOException {
    compiler.close();
  }

  private Path write(String name, String code) throws IOException {
    Path file = src.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, code);
    return file;
  }

  private Path greeter(String body) throws IOException {
    return write(
        "app/Greeter.java",
        """
        package app;
        public class Greeter {
          public static final String PREFIX = "hello ";
        %s
        }
        """
            .formatted(body));
  }

  @Test
  void aChangedMethodBodyIsCompiledAlone() throws IOException {
    Path file =
        greeter(
            """
              public String greet(String name) { return PREFIX + name.toUpperCase(); }
              private int unused() { return 2; }
              private int added() { return 3; }
            """);
    var result = compiler.compile(Set.of(file), Set.of());
    assertThat(result.mode()).isEqualTo("incremental");
    assertThat(result.compiled()).containsExactly(file);
  }

  @Test
  void aChangedSignatureCompilesTheModule() throws IOException {
    Path file = greeter("  public String greet(CharSequence name) { return PREFIX + name; }");
    var result = compiler.compile(Set.of(file), Set.of());
    assertThat(result.mode()).isEqualTo("full");
    assertThat(result.compiled()).hasSize(2);
  }

  @Test
  void aChangedConstantCompilesTheModuleBecauseJavacCopiesIt() throws IOException {
    Path file =
        write(
            "app/Greeter.java",
            """
            package app;
            public class Greeter {
              public static final String PREFIX = "hi ";
              public String greet(String name) { return PREFIX + name; }
            }
            """);
    assertThat(compiler.compile(Set.of(file), Set.of()).mode()).isEqualTo("full");
  }

  @Test
  void aNewOrDeletedFileCompilesTheModule() throws IOException {
    Path added = write("app/Extra.java", "package app; class Extra {}");
    assertThat(compiler.compile(Set.of(added), Set.of()).mode()).isEqualTo("full");
    Files.delete(added);
    assertThat(compiler.compile(Set.of(), Set.of(added)).mode()).isEqualTo("full");
    assertThat(dir.resolve("dev/classes/app/Extra.class")).doesNotExist();
  }

  @Test
  void aCompileErrorNamesFileAndLineAndIsCompiledAgainWithTheNextChange() throws IOException {
    Path main =
        write(
            "app/Main.java",
            """
            package app;
            public class Main {
              public static String run() { return new Greeter().greet(42); }
            }
            """);
    var failed = compiler.compile(Set.of(main), Set.of());
    assertThat(failed.ok()).isFalse();
    assertThat(failed.mode()).isEqualTo("failed");
    var error = failed.errors().getFirst();
    assertThat(error.file()).isEqualTo(main);
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.code()).contains("greet(42)");

    // another file changes; the broken one is still pending and compiled with it
    Path greeter = greeter("  public String greet(String name) { return PREFIX + name + \"!\"; }");
    assertThat(compiler.compile(Set.of(greeter), Set.of()).ok()).isFalse();
    write(
        "app/Main.java",
        """
        package app;
        public class Main {
          public static String run() { return new Greeter().greet("bob"); }
        }
        """);
    var fixed = compiler.compile(Set.of(main), Set.of());
    assertThat(fixed.ok()).isTrue();
    assertThat(fixed.compiled()).contains(main, greeter);
  }

  @Test
  void whatKeelProcessorGeneratesForAFileBelongsToIt() {
    Set<String> articles =
        Set.of(
            "app/Articles",
            "app/Articles$Stored",
            "app/ArticlesRoutes",
            "app/Articles_AdminRoutes",
            "app/ArticlesGraphQl",
            "app/KeelRow_Articles_Stored",
            "app/KeelRow_Articles");
    var batch = new java.util.HashSet<>(articles);
    batch.addAll(Set.of("app/Comments", "app/KeelRow_Comments_Stored", "app/KeelRow_ArticlesX"));
    assertThat(DevCompiler.ownedBy("app/Articles", batch)).isEqualTo(articles);
    assertThat(DevCompiler.ownedBy("Top", Set.of("Top", "KeelRow_Top", "KeelRow_Topper")))
        .containsExactlyInAnyOrder("Top", "KeelRow_Top");
  }

  @Test
  void theDecisionRulesThemselves() {
    Path a = Path.of("A.java");
    assertThat(DevCompiler.needsFullCompile(false, Set.of(), Set.of())).isTrue();
    assertThat(DevCompiler.needsFullCompile(true, Set.of(a), Set.of())).isTrue();
    assertThat(DevCompiler.needsFullCompile(true, Set.of(), Set.of(a))).isTrue();
    assertThat(DevCompiler.needsFullCompile(true, Set.of(), Set.of())).isFalse();
  }
}
