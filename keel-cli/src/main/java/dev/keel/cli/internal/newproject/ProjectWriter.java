package dev.keel.cli.internal.newproject;

import dev.keel.cli.internal.CommandFailed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes the project of a {@link ProjectSpec} from the templates under {@code dev/keel/cli/new}:
 * {@code common/} for every project, then {@code api/} or {@code web/}, {@code with-FEATURE/} for
 * each {@code --with} feature, and {@code wrapper/} (this repository's Maven Wrapper, copied as
 * is). In paths {@code __package__} is the package's folder, and {@code gitignore}, {@code
 * dockerignore}, {@code github} get their leading dot.
 */
public final class ProjectWriter {
  private static final String ROOT = "/dev/keel/cli/new/";
  private static final List<String> EXECUTABLE = List.of("keel", "mvnw");

  private ProjectWriter() {}

  /** The versions the CLI was built with: {@code keel}, {@code java}, the Maven plugins', jte's. */
  public static Map<String, String> versions() {
    try (InputStream in = ProjectWriter.class.getResourceAsStream(ROOT + "versions.properties")) {
      var p = new Properties();
      p.load(in);
      var versions = new TreeMap<String, String>();
      p.stringPropertyNames().forEach(k -> versions.put(k, p.getProperty(k)));
      return versions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The values templates may use. */
  static Map<String, String> values(ProjectSpec spec) {
    var values = new TreeMap<String, String>();
    versions().forEach((k, v) -> values.put(k.equals("keel") ? "keelVersion" : k, v));
    values.put("javaVersion", values.get("java"));
    values.put("app", spec.app());
    values.put("package", spec.packageName());
    values.put("packagePath", spec.packagePath());
    values.put("groupId", spec.groupId());
    return values;
  }

  /**
   * Writes the project; the folder must not exist or be empty ({@link ProjectSpec#of} checked). On
   * a failure the files written so far are removed again.
   *
   * @return the files written, relative to the project's folder, sorted
   */
  public static List<Path> write(ProjectSpec spec) {
    Map<String, String> values = values(spec);
    var flags = new HashSet<>(spec.flags());
    var files = new TreeMap<Path, byte[]>();
    try {
      templates(
          "common", (path, bytes) -> files.put(target(path, spec), render(bytes, values, flags)));
      templates(
          spec.template().name().toLowerCase(java.util.Locale.ROOT),
          (path, bytes) -> files.put(target(path, spec), render(bytes, values, flags)));
      for (ProjectSpec.Feature feature : spec.features()) {
        templates(
            "with-" + feature.name().toLowerCase(java.util.Locale.ROOT),
            (path, bytes) -> files.put(target(path, spec), render(bytes, values, flags)));
      }
      templates("wrapper", (path, bytes) -> files.put(Path.of(path), bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean existed = Files.isDirectory(spec.dir());
    try {
      for (var file : files.entrySet()) {
        Path out = spec.dir().resolve(file.getKey());
        Files.createDirectories(out.getParent());
        Files.write(out, file.getValue());
        if (EXECUTABLE.contains(file.getKey().toString())) {
          Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
    } catch (IOException e) {
      removeAll(spec.dir(), existed);
      throw new CommandFailed("cannot write " + spec.dir() + ": " + e.getMessage());
    }
    return List.copyOf(files.keySet());
  }

  private static byte[] render(
      byte[] template, Map<String, String> values, java.util.Set<String> flags) {
    String text = new String(template, StandardCharsets.UTF_8);
    return TemplateText.render(text, values, flags).getBytes(StandardCharsets.UTF_8);
  }

  /** Where a template's file goes in the project. */
  static Path target(String templatePath, ProjectSpec spec) {
    String path = templatePath.replace("__package__", spec.packagePath());
    for (String hidden : List.of("gitignore", "dockerignore", "github")) {
      if (path.equals(hidden) || path.startsWith(hidden + "/")) path = "." + path;
    }
    return Path.of(path);
  }

  interface TemplateFile {
    void accept(String path, byte[] bytes);
  }

  /** Every file under {@code dev/keel/cli/new/FOLDER}, from the CLI's jar or classes folder. */
  static void templates(String folder, TemplateFile consumer) throws IOException {
    var url = ProjectWriter.class.getResource(ROOT + folder);
    if (url == null) return; // a template with nothing of its own
    URI uri;
    try {
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if (uri.getScheme().equals("jar")) {
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        walk(jar.getPath(ROOT + folder), consumer);
      }
    } else {
      walk(Path.of(uri), consumer);
    }
  }

  private static void walk(Path root, TemplateFile consumer) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        String relative = root.relativize(p).toString().replace('\\', '/');
        consumer.accept(relative, Files.readAllBytes(p));
      }
    }
  }

  private static void removeAll(Path dir, boolean keepDir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      var all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
      if (keepDir) all.remove(dir);
      for (Path p : all) Files.deleteIfExists(p);
    } catch (IOException e) {
      // best effort: the message of the first failure is what the user needs
    }
  }
}
