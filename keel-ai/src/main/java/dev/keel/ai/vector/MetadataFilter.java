package dev.keel.ai.vector;

import dev.keel.core.HttpException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which entries a search may return: for every key named, the entry's metadata value must be one of
 * the values given (AND across keys, OR within a key). Immutable.
 *
 * <pre>{@code
 * MetadataFilter.none().with("lang", "en").with("tag", "guide", "howto")
 * }</pre>
 *
 * @param allowed each key's accepted values
 */
public record MetadataFilter(Map<String, List<String>> allowed) {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public MetadataFilter {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    allowed.forEach(
        (key, values) -> {
          checkKey(key);
          if (values.isEmpty()) {
            throw new HttpException(
                VectorProblems.VECTOR_FILTER_INVALID,
                "metadata filter key '" + key + "' has no values; give at least one");
          }
          copy.put(key, List.copyOf(values));
        });
    allowed = java.util.Collections.unmodifiableMap(copy);
  }

  /** Every entry. */
  public static MetadataFilter none() {
    return new MetadataFilter(Map.of());
  }

  /** This filter, also requiring metadata {@code key} to be one of {@code values}. */
  public MetadataFilter with(String key, String... values) {
    Map<String, List<String>> next = new LinkedHashMap<>(allowed);
    next.put(key, List.of(values));
    return new MetadataFilter(next);
  }

  /** True when it lets every entry through. */
  public boolean isEmpty() {
    return allowed.isEmpty();
  }

  /** Whether {@code metadata} passes. */
  public boolean test(Map<String, String> metadata) {
    for (var e : allowed.entrySet()) {
      if (!e.getValue().contains(metadata.get(e.getKey()))) return false;
    }
    return true;
  }

  static void checkKey(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new HttpException(
          VectorProblems.VECTOR_FILTER_INVALID,
          "metadata key '"
              + key
              + "' is not a plain name: use 1 to 64 letters, digits, '_', '-' or '.'");
    }
  }
}
