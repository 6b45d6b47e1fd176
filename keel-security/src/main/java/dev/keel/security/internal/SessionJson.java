package dev.keel.security.internal;

import dev.keel.security.Principal;
import dev.keel.security.Session;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** A session as a small JSON object, for stores that keep text (Redis, a database column). */
public final class SessionJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SessionJson() {}

  public static String write(Session s) {
    var map = new LinkedHashMap<String, Object>();
    s.principal()
        .ifPresent(
            p ->
                map.put(
                    "principal",
                    Map.of(
                        "id", p.id(),
                        "roles", List.copyOf(p.roles()),
                        "permissions", List.copyOf(p.permissions()))));
    map.put("csrf", s.csrfToken());
    map.put("created", s.createdAt().toEpochMilli());
    map.put("seen", s.lastSeenAt().toEpochMilli());
    map.put("data", s.data());
    return JSON.writeValueAsString(map);
  }

  @SuppressWarnings("unchecked")
  public static Session read(String id, String json) {
    Map<String, Object> map = JSON.readValue(json, Map.class);
    Optional<Principal> principal =
        Optional.ofNullable((Map<String, Object>) map.get("principal"))
            .map(
                p ->
                    new Principal(
                        (String) p.get("id"),
                        Set.copyOf((List<String>) p.get("roles")),
                        Set.copyOf((List<String>) p.get("permissions"))));
    return new Session(
        id,
        principal,
        (String) map.get("csrf"),
        Instant.ofEpochMilli(((Number) map.get("created")).longValue()),
        Instant.ofEpochMilli(((Number) map.get("seen")).longValue()),
        (Map<String, String>) map.get("data"));
  }
}
