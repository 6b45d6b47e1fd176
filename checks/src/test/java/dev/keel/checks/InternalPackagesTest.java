package dev.keel.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.Utf8Entry;
import java.lang.constant.ClassDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ADR 0024's first rule, checked on the compiled classes of every module and example (generated
 * route classes included): a class may use its own module's {@code internal} package, never
 * another's. It reads each class file's constant pool with the JDK's class-file API, so every
 * reference counts — imports, field and method types, generic signatures, casts.
 *
 * <p>Not checked: {@code benchmarks/}, whose JMH benchmarks measure internals on purpose.
 */
class InternalPackagesTest {
  private static final Pattern INTERNAL = Pattern.compile("dev/keel/([a-z]+)/internal/[\\w/$]*");
  private static final Pattern OWNER = Pattern.compile("dev/keel/([a-z]+)/.*");

  /** Class name → its bytes, from every module and example on the test classpath. */
  private static final Map<String, byte[]> CLASSES = new TreeMap<>();

  @BeforeAll
  static void readClasses() throws IOException {
    Path repository = Path.of("").toAbsolutePath().getParent();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath();
      if (!path.startsWith(repository) || path.startsWith(repository.resolve("checks"))) continue;
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.walk(path)) {
          files.filter(f -> f.toString().endsWith(".class")).forEach(f -> add(path, f));
        }
      } else if (path.toString().endsWith(".jar")) {
        try (var jar = new JarFile(path.toFile())) {
          for (var e : java.util.Collections.list(jar.entries())) {
            if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
              CLASSES.put(e.getName(), jar.getInputStream(e).readAllBytes());
            }
          }
        }
      }
    }
  }

  private static void add(Path root, Path file) {
    try {
      CLASSES.put(root.relativize(file).toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyModuleAndExampleIsScanned() {
    var owners = new TreeSet<String>();
    for (String name : CLASSES.keySet()) {
      Matcher m = OWNER.matcher(name);
      if (m.matches()) owners.add(m.group(1));
    }
    assertThat(owners)
        .contains(
            "core",
            "test",
            "ops",
            "web",
            "processor",
            "openapi",
            "views",
            "security",
            "db",
            "realtime",
            "examples");
    // the route classes keel-processor generated into the examples are among them
    assertThat(CLASSES.keySet())
        .anyMatch(n -> n.matches("dev/keel/examples/conduit/\\w+Routes\\.class"));
  }

  @Test
  void noClassUsesAnotherModulesInternalPackage() {
    var violations = new ArrayList<String>();
    CLASSES.forEach((name, bytes) -> violations.addAll(violations(name, bytes)));
    assertThat(violations)
        .as(
            "classes that use another module's internal package; give what they need a public or"
                + " spi home (ADR 0024)")
        .isEmpty();
  }

  @Test
  void theCheckSeesAReferenceInAFieldType() {
    byte[] offender =
        ClassFile.of()
            .build(
                ClassDesc.of("dev.keel.examples.Offender"),
                c -> c.withField("bindings", ClassDesc.of("dev.keel.web.internal.Bindings"), 0));
    assertThat(violations("dev/keel/examples/Offender.class", offender))
        .containsExactly(
            "dev/keel/examples/Offender.class uses dev/keel/web/internal/Bindings of keel-web");
    byte[] own =
        ClassFile.of()
            .build(
                ClassDesc.of("dev.keel.web.Fine"),
                c -> c.withField("b", ClassDesc.of("dev.keel.web.internal.Bindings"), 0));
    assertThat(violations("dev/keel/web/Fine.class", own)).isEmpty();
  }

  /** What {@code bytes}, the class file {@code name}, uses of other modules' internals. */
  static List<String> violations(String name, byte[] bytes) {
    Matcher owner = OWNER.matcher(name);
    String own = owner.matches() ? owner.group(1) : "";
    ClassModel model = ClassFile.of().parse(bytes);
    var found = new TreeSet<String>();
    for (var entry : model.constantPool()) {
      if (!(entry instanceof Utf8Entry utf8)) continue;
      Matcher m = INTERNAL.matcher(utf8.stringValue());
      while (m.find()) {
        if (!m.group(1).equals(own)) {
          found.add(
              name + " uses " + m.group().replaceAll("[;<>]$", "") + " of keel-" + m.group(1));
        }
      }
    }
    return List.copyOf(found);
  }
}
