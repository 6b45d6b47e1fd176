package dev.keel.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A response received by a {@link TestClient}.
 *
 * @param headers header names in lower case
 */
public record TestResponse(int status, Map<String, List<String>> headers, byte[] body) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public TestResponse {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  /** The first value of a header (case-insensitive name). */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body parsed as JSON into {@code type}. */
  public <T> T json(Class<T> type) {
    return JSON.readValue(body, type);
  }

  /** The body as a JSON tree, for asserting on fields: {@code json().get("detail").asString()}. */
  public JsonNode json() {
    return JSON.readTree(body);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public String toString() {
    return "TestResponse[" + status + ", " + headers + ", " + text() + "]";
  }
}
