package dev.keel.graphql.internal;

import dev.keel.graphql.spi.Call;
import dev.keel.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Flow;
import org.reactivestreams.FlowAdapters;
import tools.jackson.databind.json.JsonMapper;

/** A {@link Call} over graphql-java's arguments and source, with the request's caller. */
final class FetchCall implements Call {
  private final Object source;
  private final Map<String, Object> arguments;
  private final Optional<Principal> principal;
  private final JsonMapper json;

  FetchCall(
      Object source,
      Map<String, Object> arguments,
      Optional<Principal> principal,
      JsonMapper json) {
    this.source = source;
    this.arguments = arguments;
    this.principal = principal;
    this.json = json;
  }

  @Override
  public Object source() {
    return source;
  }

  @Override
  public <T> T argument(String name, Class<T> type) {
    Object raw = arguments.get(name);
    if (raw == null) return null;
    if (type.isInstance(raw)) return type.cast(raw);
    return json.convertValue(raw, type); // records from input maps, Instant from strings, ...
  }

  @Override
  public <T> List<T> arguments(String name, Class<T> type) {
    Object raw = arguments.get(name);
    if (raw == null) return null;
    var out = new ArrayList<T>();
    for (Object o : (List<?>) raw) out.add(o == null ? null : json.convertValue(o, type));
    return out;
  }

  @Override
  public Optional<Principal> principal() {
    return principal;
  }

  @Override
  public Principal authenticated() {
    return principal.orElseThrow(
        () ->
            new FieldDenied(
                "UNAUTHENTICATED",
                "This field needs an authenticated caller; log in"
                    + " or send the token keel-security expects."));
  }

  @Override
  public Object publisher(Flow.Publisher<?> events) {
    return FlowAdapters.toPublisher(events);
  }

  /** Refused by authorization: a GraphQL error with {@code extensions.code}. */
  static final class FieldDenied extends RuntimeException {
    @java.io.Serial private static final long serialVersionUID = 1L;
    final String code;

    FieldDenied(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }
}
