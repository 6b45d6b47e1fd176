package dev.keel.core.internal.config;

import dev.keel.core.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Reads every configuration source and stacks them in precedence order. */
public final class Sources {

  public static final String DEFAULT_ORIGIN = "default";
  public static final String PROFILE_KEY = "keel.profile";
  public static final String DEFAULT_PROFILE = "dev";

  /** What the sources are read from; the real process or a test's stand-ins. */
  public record Inputs(
      List<String> args,
      Map<String, String> environment,
      Map<String, String> systemProperties,
      Optional<Path> workingDirectory,
      Optional<ClassLoader> classLoader,
      Map<String, String> defaults) {}

  /**
   * The result of reading all sources.
   *
   * @param entries every entry, highest precedence first, one per key and source
   * @param files the files that were found, in words, for the start-up log
   * @param problems malformed entries found while loading, reported by {@code validate()}
   */
  public record Loaded(
      String profile, List<Entry> entries, List<String> files, List<String> problems) {}

  private Sources() {}

  /**
   * Reads all sources. The profile is taken from every source except the profile files, which it
   * selects.
   *
   * @throws ConfigException if a file cannot be read or the profile name is malformed
   */
  public static Loaded load(Inputs in) {
    List<String> problems = new ArrayList<>();
    List<String> fileErrors = new ArrayList<>();
    List<String> files = new ArrayList<>();
    List<Entry> args = fromArgs(in.args(), problems);
    List<Entry> system = fromSystemProperties(in.systemProperties());
    List<Entry> environment = fromEnvironment(in.environment());
    List<Entry> workingBase = fromWorkingDirectory(in, "keel.properties", files, fileErrors);
    List<Entry> classpathBase = fromClasspath(in, "keel.properties", files, fileErrors);
    List<Entry> defaults = fromMap(in.defaults(), key -> DEFAULT_ORIGIN);
    failOn(fileErrors);

    Optional<Entry> profileEntry =
        Stream.of(args, system, environment, workingBase, classpathBase, defaults)
            .flatMap(List::stream)
            .filter(e -> e.canonical().equals(PROFILE_KEY))
            .findFirst();
    String profile = profileEntry.map(e -> e.value().strip()).orElse(DEFAULT_PROFILE);
    if (!ValueParsers.isProfile(profile)) {
      String problem =
          ConfigStore.invalidMessage(
              PROFILE_KEY, profileEntry.orElseThrow(), ValueParsers.PROFILE_EXPECTED);
      throw new ConfigException(ConfigException.INVALID_VALUE, List.of(problem));
    }

    String profileFile = "keel-" + profile + ".properties";
    List<Entry> workingProfile = fromWorkingDirectory(in, profileFile, files, fileErrors);
    List<Entry> classpathProfile = fromClasspath(in, profileFile, files, fileErrors);
    failOn(fileErrors);
    // A profile file cannot choose the profile: it was already chosen to find the file.
    for (List<Entry> layer : List.of(workingProfile, classpathProfile)) {
      layer.stream()
          .filter(e -> e.canonical().equals(PROFILE_KEY))
          .forEach(
              e ->
                  problems.add(
                      ConfigStore.invalidMessage(
                          PROFILE_KEY, e, "the profile cannot be set in a profile file")));
      layer.removeIf(e -> e.canonical().equals(PROFILE_KEY));
    }

    List<Entry> all =
        Stream.of(
                args,
                system,
                environment,
                workingProfile,
                workingBase,
                classpathProfile,
                classpathBase,
                defaults)
            .flatMap(List::stream)
            .toList();
    return new Loaded(profile, all, List.copyOf(files), List.copyOf(problems));
  }

  private static List<Entry> fromArgs(List<String> args, List<String> problems) {
    List<Entry> entries = new ArrayList<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !Keys.canonical(arg.substring(2)).startsWith("keel.")) {
        continue; // the application's own arguments
      }
      int eq = arg.indexOf('=');
      if (eq < 0) {
        problems.add(
            "command-line argument " + arg + ": expected " + arg + "=value, with no spaces");
        continue;
      }
      String key = arg.substring(2, eq);
      entries.add(new Entry(key, arg.substring(eq + 1), "command-line argument --" + key));
    }
    return lastWins(entries);
  }

  private static List<Entry> fromSystemProperties(Map<String, String> properties) {
    Map<String, String> keel = new TreeMap<>();
    properties.forEach(
        (k, v) -> {
          if (Keys.canonical(k).startsWith("keel.")) {
            keel.put(k, v);
          }
        });
    return fromMap(keel, key -> "system property " + key);
  }

  private static List<Entry> fromEnvironment(Map<String, String> environment) {
    List<Entry> entries = new ArrayList<>();
    new TreeMap<>(environment)
        .forEach(
            (name, value) -> {
              if (name.startsWith("KEEL_")) {
                entries.add(new Entry(Keys.canonical(name), value, "environment variable " + name));
              }
            });
    return lastWins(entries);
  }

  private static List<Entry> fromMap(Map<String, String> map, UnaryOperator<String> origin) {
    List<Entry> entries = new ArrayList<>();
    new TreeMap<>(map).forEach((k, v) -> entries.add(new Entry(k, v, origin.apply(k))));
    return lastWins(entries);
  }

  private static List<Entry> fromWorkingDirectory(
      Inputs in, String name, List<String> files, List<String> errors) {
    if (in.workingDirectory().isEmpty()) {
      return new ArrayList<>();
    }
    Path file = in.workingDirectory().get().resolve(name);
    if (!Files.exists(file)) {
      return new ArrayList<>();
    }
    String source = "file ./" + name;
    try {
      return parse(Files.readAllBytes(file), source, files, errors);
    } catch (IOException e) {
      errors.add(source + ": cannot be read (" + e + ")");
      return new ArrayList<>();
    }
  }

  private static List<Entry> fromClasspath(
      Inputs in, String name, List<String> files, List<String> errors) {
    Optional<URL> url = in.classLoader().map(loader -> loader.getResource(name));
    if (url.isEmpty()) {
      return new ArrayList<>();
    }
    String source = "classpath " + name;
    try (InputStream stream = url.get().openStream()) {
      return parse(stream.readAllBytes(), source, files, errors);
    } catch (IOException e) {
      errors.add(source + ": cannot be read (" + e + ")");
      return new ArrayList<>();
    }
  }

  private static List<Entry> parse(
      byte[] bytes, String source, List<String> files, List<String> errors) {
    files.add(source);
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      return lastWins(PropertiesParser.parse(text, source));
    } catch (CharacterCodingException e) {
      errors.add(source + ": is not valid UTF-8; save it as UTF-8");
    } catch (PropertiesParser.MalformedException e) {
      errors.add(e.getMessage());
    }
    return new ArrayList<>();
  }

  /** Within one source a later entry for the same key replaces an earlier one, as in Properties. */
  private static List<Entry> lastWins(List<Entry> entries) {
    Map<String, Entry> byKey = new LinkedHashMap<>();
    entries.forEach(e -> byKey.put(e.canonical(), e));
    return new ArrayList<>(byKey.values());
  }

  private static void failOn(List<String> fileErrors) {
    if (!fileErrors.isEmpty()) {
      throw new ConfigException(ConfigException.UNREADABLE_FILE, fileErrors);
    }
  }
}
