package dev.keel.openapi;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the API document says about one functional route: its summary, request body, parameters and
 * responses by Java type. Path parameters are taken from the route's pattern as strings.
 *
 * <pre>{@code
 * openApi.route(app, "POST", "/notes",
 *     op -> op.summary("Creates a note").body(NewNote.class).response(201, Note.class),
 *     ctx -> notes.add(ctx.body(NewNote.class)));
 * }</pre>
 *
 * <p>Types are read by reflection once, when the document is built at start-up; generic types are
 * given as {@code java.lang.reflect.Type}, e.g. from a {@code TypeReference}.
 */
public final class Operation {
  /** A query parameter or header: {@code Optional<T>} and {@code List<T>} are optional. */
  public record Parameter(String in, String name, Type type) {
    public Parameter {
      Objects.requireNonNull(in, "in");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  private String summary = "";
  private String description = "";
  private String tag = "";
  private Type body;
  private final Map<Integer, Type> responses = new LinkedHashMap<>();
  private final List<Parameter> parameters = new ArrayList<>();

  Operation() {}

  public Operation summary(String summary) {
    this.summary = Objects.requireNonNull(summary, "summary");
    return this;
  }

  public Operation description(String description) {
    this.description = Objects.requireNonNull(description, "description");
    return this;
  }

  /** Groups the route in the docs; the first path segment when not set. */
  public Operation tag(String tag) {
    this.tag = Objects.requireNonNull(tag, "tag");
    return this;
  }

  /** The JSON request body's type; requests that do not fit answer 400. */
  public Operation body(Type type) {
    this.body = Objects.requireNonNull(type, "type");
    return this;
  }

  /**
   * A response: {@code void.class} for none (e.g. 204), {@code String.class} for text, any other
   * type for JSON. Without any, the document lists 200 with an unspecified body.
   */
  public Operation response(int status, Type type) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status: " + status + " (expected: 100-599)");
    }
    responses.put(status, Objects.requireNonNull(type, "type"));
    return this;
  }

  public Operation query(String name, Type type) {
    parameters.add(new Parameter("query", name, type));
    return this;
  }

  public Operation header(String name, Type type) {
    parameters.add(new Parameter("header", name, type));
    return this;
  }

  String summary() {
    return summary;
  }

  String description() {
    return description;
  }

  String tag() {
    return tag;
  }

  Optional<Type> body() {
    return Optional.ofNullable(body);
  }

  Map<Integer, Type> responses() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(responses));
  }

  List<Parameter> parameters() {
    return List.copyOf(parameters);
  }
}
