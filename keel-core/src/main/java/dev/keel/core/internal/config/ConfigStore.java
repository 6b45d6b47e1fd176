package dev.keel.core.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The loaded entries plus what has been learned while modules read them: which keys are known and
 * which values were malformed. Thread-safe, since modules may read settings from several threads.
 */
public final class ConfigStore {

  private final String profile;
  private final List<String> files;

  /** Canonical key to its entries, highest precedence first. */
  private final Map<String, List<Entry>> entries = new LinkedHashMap<>();

  /** Canonical key to the key as first declared, for suggestions. */
  private final Map<String, String> declared = new ConcurrentHashMap<>();

  private final Set<String> prefixes = ConcurrentHashMap.newKeySet();
  private final Set<String> invalid = new LinkedHashSet<>(); // guarded by itself

  public ConfigStore(Sources.Loaded loaded) {
    this.profile = loaded.profile();
    this.files = loaded.files();
    loaded
        .entries()
        .forEach(e -> entries.computeIfAbsent(e.canonical(), k -> new ArrayList<>()).add(e));
    invalid.addAll(loaded.problems());
    declare(Sources.PROFILE_KEY);
  }

  /** The standard message for a malformed value; secrets are masked. */
  public static String invalidMessage(String key, Entry entry, String expected) {
    return key
        + " = \""
        + Keys.display(key, entry.value())
        + "\" (from "
        + entry.origin()
        + "): "
        + expected;
  }

  public String profile() {
    return profile;
  }

  public List<String> files() {
    return files;
  }

  /** The effective entry for {@code key}, which becomes known. */
  public Optional<Entry> find(String key) {
    declare(key);
    List<Entry> found = entries.get(Keys.canonical(key));
    return found == null ? Optional.empty() : Optional.of(found.getFirst());
  }

  public void declare(String key) {
    declared.putIfAbsent(Keys.canonical(Keys.requireKey(key)), key);
  }

  public void declarePrefix(String prefix) {
    prefixes.add(Keys.canonicalPrefix(prefix));
  }

  /** Records that the effective value of {@code key} is malformed. */
  public void invalid(String key, Entry entry, String expected) {
    record(invalidMessage(key, entry, expected));
  }

  /** Records a problem with {@code key} found by the caller, e.g. settings that contradict. */
  public void reject(String key, String reason) {
    Optional<Entry> entry = find(key);
    record(entry.isPresent() ? invalidMessage(key, entry.get(), reason) : key + ": " + reason);
  }

  private void record(String problem) {
    synchronized (invalid) {
      invalid.add(problem);
    }
  }

  public List<String> invalidProblems() {
    synchronized (invalid) {
      return List.copyOf(invalid);
    }
  }

  /** One problem per key present in a source but never declared, with a suggestion when close. */
  public List<String> unknownProblems() {
    List<String> problems = new ArrayList<>();
    entries.forEach(
        (canonical, found) -> {
          List<Entry> given =
              found.stream().filter(e -> !e.origin().equals(Sources.DEFAULT_ORIGIN)).toList();
          if (given.isEmpty() || isKnown(canonical)) {
            return;
          }
          String key = given.getFirst().key();
          String origins = given.stream().map(Entry::origin).collect(Collectors.joining(", "));
          String hint =
              Keys.suggest(key, List.copyOf(declared.values()))
                  .map(known -> "did you mean " + known + "?")
                  .orElse("no setting reads this key; check the spelling or remove it");
          problems.add("unknown key " + key + " (from " + origins + "): " + hint);
        });
    return problems;
  }

  private boolean isKnown(String canonical) {
    return declared.containsKey(canonical) || prefixes.stream().anyMatch(canonical::startsWith);
  }

  /** The effective entry of every key whose canonical form starts with {@code canonicalPrefix}. */
  public List<Entry> effective(String canonicalPrefix) {
    return entries.entrySet().stream()
        .filter(e -> e.getKey().startsWith(canonicalPrefix))
        .map(e -> e.getValue().getFirst())
        .toList();
  }
}
