package dev.keel.core;

import dev.keel.core.internal.config.ConfigStore;
import dev.keel.core.internal.config.Entry;
import dev.keel.core.internal.config.Keys;
import dev.keel.core.internal.config.Sources;
import dev.keel.core.internal.config.ValueParsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configuration, read once at boot from these sources, highest precedence first:
 *
 * <table>
 *   <caption>Sources</caption>
 *   <tr><th>#</th><th>source</th><th>example</th></tr>
 *   <tr><td>1</td><td>command-line arguments</td><td>{@code --keel.server.port=9000}</td></tr>
 *   <tr><td>2</td><td>Java system properties</td><td>{@code -Dkeel.server.port=9000}</td></tr>
 *   <tr><td>3</td><td>environment variables</td><td>{@code KEEL_SERVER_PORT=9000}</td></tr>
 *   <tr><td>4</td><td>profile file in the working directory</td>
 *       <td>{@code ./keel-prod.properties}</td></tr>
 *   <tr><td>5</td><td>file in the working directory</td><td>{@code ./keel.properties}</td></tr>
 *   <tr><td>6</td><td>profile file on the classpath</td><td>{@code keel-prod.properties}</td></tr>
 *   <tr><td>7</td><td>file on the classpath</td><td>{@code keel.properties}</td></tr>
 *   <tr><td>8</td><td>defaults given by code</td><td>{@link Builder#defaults(Map)}</td></tr>
 * </table>
 *
 * <p><b>Names are relaxed</b>: case is ignored and {@code .}, {@code -} and {@code _} are
 * equivalent, so {@code keel.server.max-connections} is also {@code KEEL_SERVER_MAX_CONNECTIONS}.
 * Only arguments, system properties and environment variables named {@code keel.*} / {@code KEEL_*}
 * are read; every key in a properties file is read. Files are UTF-8.
 *
 * <p><b>Profile</b>: {@code keel.profile}, default {@code dev}, matching {@code [a-z][a-z0-9-]*}.
 * It is read from every source except the profile files, which it selects.
 *
 * <p><b>Errors are collected</b>: a getter that meets a malformed value records the problem and
 * returns the default. {@link #validate()}, called by the framework after every module has read its
 * settings and before the port opens, throws one {@link ConfigException} listing every malformed
 * value and every key in a source that nothing read (with a "did you mean" suggestion). Values of
 * keys with a segment ending in {@code password}, {@code secret}, {@code token} or {@code key} are
 * shown as {@code ****} in messages and in {@link #toString()}.
 *
 * <p>Thread-safe. Reading a key declares it known; use {@link #declare(String...)} for keys read
 * later, and {@link #declarePrefix(String)} for open-ended groups.
 */
public final class Config {

  private static final Logger LOG = LoggerFactory.getLogger(Config.class);

  private final ConfigStore store;
  private final Optional<Path> workingDirectory;
  private final String prefix; // prepended to every key; empty except in a section

  private Config(ConfigStore store, Optional<Path> workingDirectory, String prefix) {
    this.store = store;
    this.workingDirectory = workingDirectory;
    this.prefix = prefix;
  }

  /**
   * Reads the process's real arguments, system properties, environment, working directory and
   * classpath.
   *
   * @throws ConfigException if a file cannot be read or the profile name is malformed
   */
  public static Config load(String... args) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return builder()
        .args(args)
        .environment(System.getenv())
        .systemProperties(System.getProperties())
        .workingDirectory(Path.of("").toAbsolutePath())
        .classLoader(loader != null ? loader : Config.class.getClassLoader())
        .build();
  }

  /** A builder that reads nothing from the process unless told to; for tests and embedding. */
  public static Builder builder() {
    return new Builder();
  }

  /** The active profile, e.g. {@code dev}. */
  public String profile() {
    return store.profile();
  }

  public boolean isDev() {
    return profile().equals("dev");
  }

  public boolean isTest() {
    return profile().equals("test");
  }

  public boolean isProd() {
    return profile().equals("prod");
  }

  /** The effective value and its origin, if any source sets {@code key}. */
  public Optional<ConfigValue> value(String key) {
    String full = full(key);
    return store.find(full).map(e -> new ConfigValue(full, e.value(), e.origin()));
  }

  public Optional<String> string(String key) {
    return store.find(full(key)).map(Entry::value);
  }

  public String string(String key, String def) {
    return string(key).orElse(Objects.requireNonNull(def, "def"));
  }

  /** An integer within {@code [min, max]}. */
  public int integer(String key, int def, int min, int max) {
    checkDefault(key, def, min, max);
    String expected = ValueParsers.integerExpected(min, max, Integer.MIN_VALUE, Integer.MAX_VALUE);
    return typed(key, v -> ValueParsers.integer(v, min, max), expected)
        .orElse((long) def)
        .intValue();
  }

  /** A long within {@code [min, max]}. */
  public long longValue(String key, long def, long min, long max) {
    checkDefault(key, def, min, max);
    String expected = ValueParsers.integerExpected(min, max, Long.MIN_VALUE, Long.MAX_VALUE);
    return typed(key, v -> ValueParsers.integer(v, min, max), expected).orElse(def);
  }

  /** {@code true} or {@code false}, case-insensitive; nothing else. */
  public boolean bool(String key, boolean def) {
    return typed(key, ValueParsers::bool, ValueParsers.BOOL_EXPECTED).orElse(def);
  }

  /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d} or ISO-8601; never negative. */
  public Duration duration(String key, Duration def) {
    Objects.requireNonNull(def, "def");
    return typed(key, ValueParsers::duration, ValueParsers.DURATION_EXPECTED).orElse(def);
  }

  /**
   * A size in bytes: a plain number or {@code B}; {@code KiB}, {@code MiB}, {@code GiB}, {@code
   * TiB} (powers of 1024); {@code KB}, {@code MB}, {@code GB}, {@code TB} (powers of 1000).
   */
  public long bytes(String key, long def) {
    return typed(key, ValueParsers::bytes, ValueParsers.BYTES_EXPECTED).orElse(def);
  }

  /** A constant's name, case-insensitive, {@code -} read as {@code _}. */
  public <E extends Enum<E>> E enumValue(String key, Class<E> type, E def) {
    Objects.requireNonNull(def, "def");
    String expected = ValueParsers.enumExpected(type);
    return typed(key, v -> ValueParsers.enumValue(v, type), expected).orElse(def);
  }

  /** Comma-separated items, trimmed, empty items dropped. */
  public List<String> list(String key, List<String> def) {
    return string(key).map(ValueParsers::list).orElse(List.copyOf(def));
  }

  /** A path; a relative one is resolved against the working directory. */
  public Optional<Path> path(String key) {
    return typed(key, ValueParsers::path, ValueParsers.PATH_EXPECTED)
        .map(p -> workingDirectory.map(dir -> dir.resolve(p)).orElse(p));
  }

  /**
   * A view whose keys are relative to {@code prefix}: {@code section("keel.db").string("url")}
   * reads {@code keel.db.url}. It shares this configuration's known keys and problems.
   */
  public Config section(String prefix) {
    String section = full(Keys.requireKey(prefix));
    return new Config(store, workingDirectory, section.endsWith(".") ? section : section + ".");
  }

  /** Marks keys as known without reading them yet, so {@link #validate()} does not flag them. */
  public void declare(String... keys) {
    for (String key : keys) {
      store.declare(full(key));
    }
  }

  /** Marks every key under {@code prefix}, e.g. {@code keel.custom.}, as known. */
  public void declarePrefix(String prefix) {
    store.declarePrefix(full(prefix));
  }

  /**
   * Records a problem the caller found with {@code key}, e.g. two settings that contradict, to be
   * reported by {@link #validate()} with the value and its origin.
   *
   * @param reason what is wrong and what is allowed, e.g. {@code "required when keel.tls.enabled is
   *     true"}
   */
  public void reject(String key, String reason) {
    store.reject(full(key), reason);
  }

  /**
   * Throws if any value was malformed or any key in a source was never read or declared.
   *
   * @throws ConfigException listing every problem; code {@value ConfigException#INVALID_VALUE} if
   *     any value was malformed, else {@value ConfigException#UNKNOWN_KEY}
   */
  public void validate() {
    List<String> invalid = store.invalidProblems();
    List<String> unknown = store.unknownProblems();
    if (invalid.isEmpty() && unknown.isEmpty()) {
      return;
    }
    String code = invalid.isEmpty() ? ConfigException.UNKNOWN_KEY : ConfigException.INVALID_VALUE;
    throw new ConfigException(code, Stream.concat(invalid.stream(), unknown.stream()).toList());
  }

  /** Every effective value with its origin, secrets masked; safe to log. */
  @Override
  public String toString() {
    String canonicalPrefix = prefix.isEmpty() ? "" : Keys.canonicalPrefix(prefix);
    return store.effective(canonicalPrefix).stream()
        .map(Entry::toString)
        .collect(Collectors.joining("; ", "Config[profile=" + profile() + "; ", "]"));
  }

  private String full(String key) {
    return prefix + Keys.requireKey(key);
  }

  /** The parsed value, or empty when absent or malformed (then recorded for validate()). */
  private <T> Optional<T> typed(String key, Function<String, Optional<T>> parser, String expected) {
    String full = full(key);
    Optional<Entry> entry = store.find(full);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    Optional<T> parsed = parser.apply(entry.get().value());
    if (parsed.isEmpty()) {
      store.invalid(full, entry.get(), expected);
    }
    return parsed;
  }

  private void checkDefault(String key, long def, long min, long max) {
    if (min > max || def < min || def > max) {
      throw new IllegalArgumentException(
          full(key) + ": default " + def + " must lie within min " + min + " and max " + max);
    }
  }

  /** Chooses the inputs; each one left unset is empty. */
  public static final class Builder {
    private List<String> args = List.of();
    private Map<String, String> environment = Map.of();
    private Map<String, String> systemProperties = Map.of();
    private Optional<Path> workingDirectory = Optional.empty();
    private Optional<ClassLoader> classLoader = Optional.empty();
    private Map<String, String> defaults = Map.of();

    private Builder() {}

    /** Command-line arguments; only {@code --keel.*=value} ones are read, the rest ignored. */
    public Builder args(String... args) {
      this.args = List.of(args);
      return this;
    }

    /** Environment variables; only {@code KEEL_*} ones are read. */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /** System properties; only {@code keel.*} ones are read. */
    public Builder systemProperties(Properties properties) {
      Map<String, String> copy = new HashMap<>();
      properties.stringPropertyNames().forEach(k -> copy.put(k, properties.getProperty(k)));
      this.systemProperties = Map.copyOf(copy);
      return this;
    }

    /** Where {@code ./keel.properties} and {@code ./keel-<profile>.properties} are looked for. */
    public Builder workingDirectory(Path directory) {
      this.workingDirectory = Optional.of(directory);
      return this;
    }

    /** Where {@code keel.properties} and {@code keel-<profile>.properties} resources are found. */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = Optional.of(loader);
      return this;
    }

    /** The lowest-precedence values; never reported as unknown keys. */
    public Builder defaults(Map<String, String> defaults) {
      this.defaults = Map.copyOf(defaults);
      return this;
    }

    /**
     * Reads every source.
     *
     * @throws ConfigException if a file cannot be read or the profile name is malformed
     */
    public Config build() {
      Sources.Loaded loaded =
          Sources.load(
              new Sources.Inputs(
                  args, environment, systemProperties, workingDirectory, classLoader, defaults));
      String files = loaded.files().isEmpty() ? "no files" : String.join(", ", loaded.files());
      LOG.info("Configuration loaded for profile {} from {}", loaded.profile(), files);
      return new Config(new ConfigStore(loaded), workingDirectory, "");
    }
  }
}
