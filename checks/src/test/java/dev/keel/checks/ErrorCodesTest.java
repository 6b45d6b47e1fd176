package dev.keel.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.ProblemType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stable error codes of {@code docs/errors.md} and the code agree: every {@link ProblemType}
 * constant of every module is a row with the same status, title and constant name, every row is a
 * constant, and no module answers {@code about:blank} (reserved for the application's own errors).
 * Reads the compiled classes of every module with the JDK's class-file API, as {@link
 * InternalPackagesTest} does, and loads only the classes that hold the constants.
 */
class ErrorCodesTest {
  private static final String PROBLEM_TYPE = "Ldev/keel/core/ProblemType;";
  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  /**
   * The calls that make an {@code about:blank} problem, and the classes allowed to make them: the
   * typed exceptions' one-argument constructors (the application's errors), and keel-web's answer
   * for an absent {@code @Provided} value whose status the application chose.
   */
  private static final Set<String> ABOUT_BLANK_CALLS =
      Set.of(
          "dev/keel/core/Problem.of(ILjava/lang/String;)Ldev/keel/core/Problem;",
          "dev/keel/core/HttpException.<init>(ILjava/lang/String;)V",
          "dev/keel/core/BadRequest.<init>(Ljava/lang/String;)V",
          "dev/keel/core/Unauthorized.<init>(Ljava/lang/String;)V",
          "dev/keel/core/Forbidden.<init>(Ljava/lang/String;)V",
          "dev/keel/core/NotFound.<init>(Ljava/lang/String;)V",
          "dev/keel/core/Conflict.<init>(Ljava/lang/String;)V",
          "dev/keel/core/TooManyRequests.<init>(Ljava/lang/String;)V",
          "dev/keel/core/ServiceUnavailable.<init>(Ljava/lang/String;)V",
          "dev/keel/core/UnprocessableContent.<init>(Ljava/lang/String;)V",
          "dev/keel/core/UnprocessableContent.<init>(Ljava/lang/String;Ljava/util/List;)V");

  /**
   * The exception classes themselves, keel-web's binding of the app's own exceptions, and
   * keel-services' rebuilding of a remote host's plain exception (the app's {@code new
   * NotFound("...")}, raised again at the caller as its own class): none of them is Keel's own
   * error.
   */
  private static final Set<String> MAY_ANSWER_ABOUT_BLANK =
      Set.of(
          "dev/keel/core/HttpException",
          "dev/keel/core/BadRequest",
          "dev/keel/core/Unauthorized",
          "dev/keel/core/Forbidden",
          "dev/keel/core/NotFound",
          "dev/keel/core/Conflict",
          "dev/keel/core/TooManyRequests",
          "dev/keel/core/ServiceUnavailable",
          "dev/keel/core/UnprocessableContent",
          "dev/keel/web/spi/Bindings",
          "dev/keel/services/internal/RemoteErrors");

  /** Class name (internal form, without .class) → its bytes, for every module's classes. */
  private static final Map<String, byte[]> CLASSES = new TreeMap<>();

  /** One row of the table: the code's status, title and constant ({@code DbProblems.X}). */
  record Row(String code, int status, String title, String constant) {}

  @BeforeAll
  static void readClasses() throws IOException {
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath();
      if (!path.startsWith(REPOSITORY) || path.startsWith(REPOSITORY.resolve("checks"))) continue;
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.walk(path)) {
          files.filter(f -> f.toString().endsWith(".class")).forEach(f -> add(path, f));
        }
      } else if (path.toString().endsWith(".jar")) {
        try (var jar = new JarFile(path.toFile())) {
          for (var e : java.util.Collections.list(jar.entries())) {
            if (e.getName().endsWith(".class") && isModuleClass(e.getName())) {
              CLASSES.put(strip(e.getName()), jar.getInputStream(e).readAllBytes());
            }
          }
        }
      }
    }
  }

  private static void add(Path root, Path file) {
    String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    if (!isModuleClass(name)) return;
    try {
      CLASSES.put(strip(name), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Keel's modules; the examples are applications, free to answer about:blank
  private static boolean isModuleClass(String name) {
    return name.startsWith("dev/keel/") && !name.startsWith("dev/keel/examples/");
  }

  private static String strip(String name) {
    return name.substring(0, name.length() - ".class".length());
  }

  @Test
  void everyModuleIsScanned() {
    assertThat(CLASSES.keySet())
        .contains(
            "dev/keel/core/ProblemTypes",
            "dev/keel/web/WebProblems",
            "dev/keel/db/DbProblems",
            "dev/keel/security/SecurityProblems",
            "dev/keel/realtime/RealtimeProblems",
            "dev/keel/ops/OpsProblems",
            "dev/keel/views/Views",
            "dev/keel/openapi/OpenApi");
  }

  @Test
  void theDocumentedCodesAreTheCodesInTheCode() throws Exception {
    Map<String, ProblemType> constants = constants();
    assertThat(constants).hasSizeGreaterThan(40);
    List<Row> rows = rows(Files.readString(REPOSITORY.resolve("docs/errors.md")));
    assertThat(disagreements(constants, rows))
        .as("docs/errors.md and the ProblemType constants disagree")
        .isEmpty();
  }

  @Test
  void problemTypesAreMadeOnlyAsPublicConstantsOfPublicPackages() {
    var violations = new ArrayList<String>();
    CLASSES.forEach((name, bytes) -> violations.addAll(placement(name, bytes)));
    assertThat(violations).isEmpty();
  }

  @Test
  void noModuleAnswersAboutBlank() {
    var violations = new ArrayList<String>();
    CLASSES.forEach((name, bytes) -> violations.addAll(aboutBlank(name, bytes)));
    assertThat(violations)
        .as("module code that makes an about:blank problem; give it a ProblemType (docs/errors.md)")
        .isEmpty();
  }

  @Test
  void theChecksSeeDisagreementsAndAboutBlank() {
    var json = new ProblemType("json-malformed", 400, "Malformed JSON body");
    var constants = Map.of("ProblemTypes.JSON_MALFORMED", json);
    assertThat(
            disagreements(
                constants,
                rows(
                    """
                    | code | status | title | constant | when it happens | what to do |
                    |---|---|---|---|---|---|
                    | `json-malformed` | 415 | Malformed JSON body | `ProblemTypes.JSON_MALFORMED` | a | b |
                    | `json-gone` | 400 | Gone | `ProblemTypes.JSON_GONE` | a | b |
                    """)))
        .containsExactly(
            "json-malformed: the table says 415 \"Malformed JSON body\""
                + " ProblemTypes.JSON_MALFORMED, the code 400 \"Malformed JSON body\""
                + " ProblemTypes.JSON_MALFORMED",
            "json-gone: documented, but no ProblemType constant has this code");
    assertThat(disagreements(constants, List.of()))
        .containsExactly("json-malformed: ProblemTypes.JSON_MALFORMED is not in docs/errors.md");

    byte[] offender =
        ClassFile.of()
            .build(
                ClassDesc.of("dev.keel.db.Offender"),
                c ->
                    c.withMethodBody(
                        "fail",
                        MethodTypeDesc.of(ConstantDescs.CD_void),
                        ClassFile.ACC_STATIC,
                        code ->
                            code.sipush(404)
                                .ldc("gone")
                                .invokestatic(
                                    ClassDesc.of("dev.keel.core.Problem"),
                                    "of",
                                    MethodTypeDesc.of(
                                        ClassDesc.of("dev.keel.core.Problem"),
                                        ConstantDescs.CD_int,
                                        ConstantDescs.CD_String))
                                .pop()
                                .return_()));
    assertThat(aboutBlank("dev/keel/db/Offender", offender))
        .containsExactly(
            "dev/keel/db/Offender.fail calls"
                + " dev/keel/core/Problem.of(ILjava/lang/String;)Ldev/keel/core/Problem;");
  }

  /** Every public static final ProblemType of the scanned classes, by {@code Class.FIELD}. */
  private static Map<String, ProblemType> constants() throws ReflectiveOperationException {
    var found = new TreeMap<String, ProblemType>();
    for (var e : CLASSES.entrySet()) {
      ClassModel model = ClassFile.of().parse(e.getValue());
      List<FieldModel> fields =
          model.fields().stream()
              .filter(f -> f.fieldType().stringValue().equals(PROBLEM_TYPE))
              .filter(f -> f.flags().has(AccessFlag.STATIC) && f.flags().has(AccessFlag.PUBLIC))
              .toList();
      if (fields.isEmpty()) continue;
      Class<?> type = Class.forName(e.getKey().replace('/', '.'));
      for (FieldModel f : fields) {
        String name = f.fieldName().stringValue();
        found.put(type.getSimpleName() + "." + name, (ProblemType) type.getField(name).get(null));
      }
    }
    return found;
  }

  /** The rows of the table in {@code markdown}: lines that start with {@code | `code`}. */
  static List<Row> rows(String markdown) {
    var rows = new ArrayList<Row>();
    for (String line : markdown.lines().toList()) {
      if (!line.startsWith("| `")) continue;
      String[] cells = line.substring(1, line.length() - 1).split("\\s\\|\\s", -1);
      assertThat(cells).as("cells of: " + line).hasSize(6);
      for (String cell : cells) assertThat(cell.strip()).as("a cell of: " + line).isNotEmpty();
      rows.add(
          new Row(
              unquote(cells[0]),
              Integer.parseInt(cells[1].strip()),
              cells[2].strip(),
              unquote(cells[3])));
    }
    return rows;
  }

  private static String unquote(String cell) {
    String s = cell.strip();
    assertThat(s).as("a code cell").startsWith("`").endsWith("`");
    return s.substring(1, s.length() - 1);
  }

  /** What differs between the constants and the table, one sentence per code. */
  static List<String> disagreements(Map<String, ProblemType> constants, List<Row> rows) {
    var out = new ArrayList<String>();
    var documented = new LinkedHashMap<String, Row>();
    for (Row row : rows) {
      if (documented.put(row.code(), row) != null) out.add(row.code() + ": documented twice");
    }
    var codes = new TreeSet<String>();
    constants.forEach(
        (constant, type) -> {
          if (!codes.add(type.code())) out.add(type.code() + ": two constants have this code");
          Row row = documented.get(type.code());
          Row actual = new Row(type.code(), type.status(), type.title(), constant);
          if (row == null) {
            out.add(type.code() + ": " + constant + " is not in docs/errors.md");
          } else if (!row.equals(actual)) {
            out.add(
                type.code()
                    + ": the table says "
                    + describe(row)
                    + ", the code "
                    + describe(actual));
          }
        });
    for (Row row : rows) {
      if (!codes.contains(row.code())) {
        out.add(row.code() + ": documented, but no ProblemType constant has this code");
      }
    }
    return out;
  }

  private static String describe(Row row) {
    return row.status() + " \"" + row.title() + "\" " + row.constant();
  }

  /**
   * A static ProblemType field must be a public constant of a public class outside {@code
   * internal}, so that applications can name it; and only such classes may make ProblemTypes, so
   * that every type Keel answers is one of them.
   */
  private static List<String> placement(String name, byte[] bytes) {
    var out = new ArrayList<String>();
    ClassModel model = ClassFile.of().parse(bytes);
    boolean holdsConstants = false;
    for (FieldModel f : model.fields()) {
      if (!f.fieldType().stringValue().equals(PROBLEM_TYPE) || !f.flags().has(AccessFlag.STATIC)) {
        continue;
      }
      holdsConstants = true;
      boolean constant =
          f.flags().has(AccessFlag.PUBLIC)
              && f.flags().has(AccessFlag.FINAL)
              && model.flags().has(AccessFlag.PUBLIC)
              && !name.contains("/internal/");
      if (!constant) {
        out.add(name + "." + f.fieldName() + " is not a public constant of a public package");
      }
    }
    for (String call : calls(model).keySet()) {
      if (call.contains(" calls dev/keel/core/ProblemType.<init>") && !holdsConstants) {
        out.add(call + ": make it a public constant of the module's *Problems class");
      }
    }
    return out;
  }

  /** The calls in {@code name} that make an about:blank problem, unless it may. */
  static List<String> aboutBlank(String name, byte[] bytes) {
    if (MAY_ANSWER_ABOUT_BLANK.contains(name)) return List.of();
    var out = new ArrayList<String>();
    calls(ClassFile.of().parse(bytes))
        .forEach(
            (where, callee) -> {
              if (ABOUT_BLANK_CALLS.contains(callee)) out.add(where);
            });
    return out;
  }

  /** {@code "Class.method calls owner.name(descriptor)"} → the callee, for every call made. */
  private static Map<String, String> calls(ClassModel model) {
    var out = new TreeMap<String, String>();
    for (MethodModel m : model.methods()) {
      m.code()
          .ifPresent(
              (CodeModel code) -> {
                for (var element : code) {
                  if (element instanceof InvokeInstruction i) {
                    String callee =
                        i.owner().asInternalName()
                            + "."
                            + i.name().stringValue()
                            + i.type().stringValue();
                    out.put(
                        model.thisClass().asInternalName()
                            + "."
                            + m.methodName().stringValue()
                            + " calls "
                            + callee,
                        callee);
                  }
                }
              });
    }
    return out;
  }
}
