package dev.keel.cli.internal.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What counts as a class's ABI: what other classes compile against. */
class AbiTest {
  @TempDir Path dir;

  private Abi abi(String body) throws IOException {
    Path src = dir.resolve("src" + body.hashCode());
    Files.createDirectories(src);
    Path file = src.resolve("T.java");
    Files.writeString(file, "public class T {\n" + body + "\n}\n");
    Path out = dir.resolve("out" + body.hashCode());
    Files.createDirectories(out);
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", out.toString(), file.toString());
    assertThat(status).isZero();
    return Abi.of(Files.readAllBytes(out.resolve("T.class")));
  }

  @Test
  void bodiesPrivateMembersAndMemberOrderAreNotPartOfIt() throws IOException {
    Abi base = abi("public int a() { return 1; }\n  public int b() { return 2; }");
    assertThat(abi("public int b() { return 3; }\n  public int a() { return 4; }")).isEqualTo(base);
    assertThat(
            abi(
                "public int a() { return 1; }\n  public int b() { return 2; }\n"
                    + "  private int c() { return 0; }\n  private String s;"))
        .isEqualTo(base);
  }

  @Test
  void signaturesPackageMembersConstantsAndAnnotationsAre() throws IOException {
    Abi base = abi("public int a() { return 1; }");
    for (String changed :
        List.of(
            "public long a() { return 1; }",
            "int a() { return 1; }",
            "public int a() { return 1; }\n  int b() { return 1; }",
            "public int a() { return 1; }\n  public static final int K = 1;",
            "public int a() throws Exception { return 1; }")) {
      assertThat(abi(changed)).as(changed).isNotEqualTo(base);
    }
    assertThat(abi("public static final int K = 1;"))
        .isNotEqualTo(abi("public static final int K = 2;"));
  }
}
