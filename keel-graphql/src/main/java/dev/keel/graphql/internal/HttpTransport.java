package dev.keel.graphql.internal;

import dev.keel.core.BadRequest;
import dev.keel.core.Context;
import dev.keel.core.HttpException;
import dev.keel.graphql.GraphQlProblems;
import dev.keel.security.Security;
import graphql.ExecutionResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP (the GraphQL Foundation's draft): GET with {@code query}, {@code variables},
 * {@code operationName}, {@code extensions} in the query string (no mutations), POST with a JSON
 * body. Answers {@code application/graphql-response+json} (400 when the request did not reach
 * execution: syntax, validation, limits) or, to a client that accepts only {@code
 * application/json}, the legacy 200. What is not a GraphQL request at all gets a problem+json.
 */
public final class HttpTransport {
  static final String RESPONSE = "application/graphql-response+json";

  private final Supplier<Engine> engine;
  private final JsonMapper json;

  public HttpTransport(Supplier<Engine> engine, JsonMapper json) {
    this.engine = engine;
    this.json = json;
  }

  public Object get(Context ctx) {
    boolean graphQlResponse = negotiate(ctx);
    var r =
        new Engine.Request(
            ctx.query("query").orElse(null),
            ctx.query("operationName").orElse(null),
            object(ctx.query("variables").orElse(null), "variables"),
            object(ctx.query("extensions").orElse(null), "extensions"));
    check(r);
    if (Engine.mutation(r)) {
      ctx.header("Allow", "POST");
      throw new HttpException(
          GraphQlProblems.GRAPHQL_MUTATION_GET,
          "Mutations change data and cannot be sent with GET; POST them as JSON to "
              + ctx.path()
              + ".");
    }
    return respond(ctx, r, graphQlResponse);
  }

  public Object post(Context ctx) {
    boolean graphQlResponse = negotiate(ctx);
    String type = ctx.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/json") && !type.startsWith("application/graphql+json")) {
      throw new HttpException(
          GraphQlProblems.GRAPHQL_MEDIA_TYPE,
          "POST "
              + ctx.path()
              + " takes a JSON body with Content-Type: application/json, not '"
              + type
              + "'.");
    }
    JsonNode body;
    try {
      body = json.readTree(ctx.body());
    } catch (JacksonException e) {
      throw new BadRequest(
          GraphQlProblems.GRAPHQL_REQUEST,
          "The body is not valid JSON: "
              + e.getOriginalMessage()
              + "; send {\"query\": \"...\", \"variables\": {...}}.");
    }
    if (body == null || !body.isObject()) {
      throw new BadRequest(
          GraphQlProblems.GRAPHQL_REQUEST,
          "The body must be a JSON object such as {\"query\": \"{ __typename }\"}.");
    }
    var r =
        new Engine.Request(
            text(body, "query"),
            text(body, "operationName"),
            map(body, "variables"),
            map(body, "extensions"));
    check(r);
    return respond(ctx, r, graphQlResponse);
  }

  private Object respond(Context ctx, Engine.Request r, boolean graphQlResponse) {
    ExecutionResult result = engine.get().execute(r, Security.principal(ctx));
    Map<String, Object> spec = result.toSpecification();
    if (graphQlResponse) {
      // no data entry: the request failed before execution (GraphQL-over-HTTP section 6.4.2)
      ctx.status(result.isDataPresent() ? 200 : 400);
      ctx.header("Content-Type", RESPONSE);
    } else {
      ctx.header("Content-Type", "application/json");
    }
    return json.writeValueAsBytes(spec);
  }

  /** Whether to answer graphql-response+json (true) or legacy JSON (false); 406 for neither. */
  private static boolean negotiate(Context ctx) {
    String accept = String.join(",", ctx.headers("Accept")).toLowerCase(Locale.ROOT);
    if (accept.isBlank()) return true;
    boolean json = false;
    for (String part : accept.split(",")) {
      String media = part.split(";")[0].trim();
      if (media.equals(RESPONSE) || media.equals("*/*") || media.equals("application/*")) {
        return true;
      }
      if (media.equals("application/json")) json = true;
    }
    if (json) return false;
    throw new HttpException(
        GraphQlProblems.GRAPHQL_NOT_ACCEPTABLE,
        "Accept: "
            + accept
            + " allows no GraphQL response; accept "
            + RESPONSE
            + " or application/json.");
  }

  private static void check(Engine.Request r) {
    boolean query = r.query() != null && !r.query().isBlank();
    if (!query && !r.extensions().containsKey("persistedQuery")) {
      throw new BadRequest(
          GraphQlProblems.GRAPHQL_REQUEST,
          "A GraphQL request needs a 'query' (a non-empty string), e.g. {\"query\":"
              + " \"{ __typename }\"}, or a persisted query's hash in"
              + " extensions.persistedQuery.");
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isString()) {
      throw new BadRequest(
          GraphQlProblems.GRAPHQL_REQUEST, "'" + field + "' must be a string, not " + v + ".");
    }
    return v.asString();
  }

  private Map<String, Object> map(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) return Map.of();
    if (!v.isObject()) {
      throw new BadRequest(
          GraphQlProblems.GRAPHQL_REQUEST, "'" + field + "' must be a JSON object, not " + v + ".");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = json.convertValue(v, LinkedHashMap.class);
    return m;
  }

  private Map<String, Object> object(String text, String field) {
    if (text == null || text.isBlank()) return Map.of();
    try {
      return map(json.createObjectNode().set(field, json.readTree(text)), field);
    } catch (JacksonException e) {
      throw new BadRequest(
          GraphQlProblems.GRAPHQL_REQUEST,
          "The query parameter '" + field + "' is not valid JSON: " + e.getOriginalMessage() + ".");
    }
  }
}
