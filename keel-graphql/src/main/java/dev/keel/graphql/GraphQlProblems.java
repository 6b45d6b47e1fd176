package dev.keel.graphql;

import dev.keel.core.ProblemType;

/**
 * The kinds of problem {@code /graphql} answers to an HTTP request that is not a GraphQL request at
 * all (GraphQL-over-HTTP). Errors inside a well-formed request (syntax, validation, depth and
 * complexity limits, authorization) are GraphQL errors in the response's {@code errors} instead.
 * Listed with what to do in {@code docs/errors.md}.
 */
public final class GraphQlProblems {
  private GraphQlProblems() {}

  /** The body or query string is not a GraphQL request: bad JSON, no {@code query}, wrong types. */
  public static final ProblemType GRAPHQL_REQUEST =
      new ProblemType("graphql-request", 400, "Malformed GraphQL request");

  /** A POST whose {@code Content-Type} is not {@code application/json}. */
  public static final ProblemType GRAPHQL_MEDIA_TYPE =
      new ProblemType("graphql-media-type", 415, "GraphQL request media type not supported");

  /** {@code Accept} allows neither {@code application/graphql-response+json} nor JSON. */
  public static final ProblemType GRAPHQL_NOT_ACCEPTABLE =
      new ProblemType("graphql-not-acceptable", 406, "GraphQL response media type not accepted");

  /** A mutation sent with GET, which must not change anything. */
  public static final ProblemType GRAPHQL_MUTATION_GET =
      new ProblemType("graphql-mutation-get", 405, "GraphQL mutation over GET");
}
