package dev.keel.core;

import dev.keel.core.internal.json.JsonCodec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keel's JSON settings for code outside a request: the Jackson mapper the server reads and writes
 * bodies with (strict types, ADR 0021; instants with a fraction; default limits), for clients of
 * other Keel services (keel-http-client) that must agree with the server byte for byte.
 */
public final class KeelJson {
  private static final JsonMapper MAPPER = new JsonCodec(JsonCodec.Limits.DEFAULT).mapper();

  private KeelJson() {}

  /** The shared mapper; thread-safe, never reconfigure it ({@code rebuild()} makes a copy). */
  public static JsonMapper mapper() {
    return MAPPER;
  }
}
