package dev.keel.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A request being built by a {@link TestClient}; {@link #send()} sends it. Not thread-safe. */
public final class TestRequest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TestClient client;
  private final String method;
  private final String path;
  private final StringBuilder query = new StringBuilder();
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private final List<String> cookies = new ArrayList<>();
  private byte[] body = new byte[0];

  TestRequest(TestClient client, String method, String path) {
    this.client = client;
    this.method = method;
    this.path = path;
  }

  public TestRequest header(String name, String value) {
    headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    return this;
  }

  public TestRequest cookie(String name, String value) {
    cookies.add(name + "=" + value);
    return this;
  }

  /** Adds a query parameter, URL-encoded. */
  public TestRequest query(String name, Object value) {
    query
        .append(query.isEmpty() ? '?' : '&')
        .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
        .append('=')
        .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
    return this;
  }

  /** Sends {@code value} serialized as JSON with {@code Content-Type: application/json}. */
  public TestRequest json(Object value) {
    return body(JSON.writeValueAsBytes(value), "application/json");
  }

  /** Sends a raw body, e.g. malformed JSON, with the given content type. */
  public TestRequest body(String text, String contentType) {
    return body(text.getBytes(StandardCharsets.UTF_8), contentType);
  }

  public TestRequest body(byte[] bytes, String contentType) {
    this.body = bytes.clone();
    headers.put("Content-Type", new ArrayList<>(List.of(contentType)));
    return this;
  }

  /** Sends {@code fields} as {@code application/x-www-form-urlencoded}. */
  public TestRequest form(Map<String, String> fields) {
    var b = new StringBuilder();
    fields.forEach(
        (k, v) -> {
          if (!b.isEmpty()) b.append('&');
          b.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return body(b.toString(), "application/x-www-form-urlencoded");
  }

  public TestResponse send() {
    return client.send(this);
  }

  String method() {
    return method;
  }

  String uri() {
    return path + query;
  }

  byte[] bodyBytes() {
    return body;
  }

  Map<String, List<String>> headerMap() {
    var all = new LinkedHashMap<String, List<String>>(headers);
    if (!cookies.isEmpty()) all.put("Cookie", List.of(String.join("; ", cookies)));
    return all;
  }
}
