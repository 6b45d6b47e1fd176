package dev.keel.security;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where API keys are kept (hashes only). {@link #inMemory()} for tests and single instances; a
 * database store implements the same methods. Implementations are thread-safe.
 */
public interface ApiKeyStore {
  void save(ApiKey key);

  Optional<ApiKey> find(String id);

  List<ApiKey> byOwner(String ownerId);

  /** A store in this process's memory. */
  static ApiKeyStore inMemory() {
    var keys = new ConcurrentHashMap<String, ApiKey>();
    return new ApiKeyStore() {
      @Override
      public void save(ApiKey key) {
        keys.put(key.id(), key);
      }

      @Override
      public Optional<ApiKey> find(String id) {
        return Optional.ofNullable(keys.get(id));
      }

      @Override
      public List<ApiKey> byOwner(String ownerId) {
        return keys.values().stream().filter(k -> k.owner().id().equals(ownerId)).toList();
      }
    };
  }
}
