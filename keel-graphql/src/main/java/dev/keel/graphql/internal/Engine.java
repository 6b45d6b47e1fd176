package dev.keel.graphql.internal;

import dev.keel.core.HttpException;
import dev.keel.graphql.spi.BatchResolver;
import dev.keel.graphql.spi.GraphQlBinder;
import dev.keel.graphql.spi.Resolver;
import dev.keel.graphql.spi.Wiring;
import dev.keel.security.Principal;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.NamedNode;
import graphql.language.ObjectTypeDefinition;
import graphql.parser.Parser;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema assembled from the generated binders' fragments, and its execution: authorization per
 * field, a DataLoader per {@code @Batched} field and request, depth and complexity limits, Apollo's
 * automatic persisted queries. Thread-safe; one per application.
 */
public final class Engine {
  private static final Logger log = LoggerFactory.getLogger(Engine.class);
  private static final String PRINCIPAL = "keel.principal";

  /** One GraphQL request, as GraphQL-over-HTTP and graphql-transport-ws carry it. */
  public record Request(
      String query,
      String operationName,
      Map<String, Object> variables,
      Map<String, Object> extensions) {}

  private record Batch(String name, List<String> requires, BatchResolver resolver) {}

  private final JsonMapper json;
  private final Map<String, Map<String, DataFetcher<?>>> fetchers = new LinkedHashMap<>();
  private final List<Batch> batches = new ArrayList<>();
  private final GraphQLSchema schema;
  private final GraphQL graphQl;
  private final String sdl;

  public Engine(Map<GraphQlBinder, Object> apis, int maxDepth, int maxComplexity, JsonMapper json) {
    this.json = json;
    var wiring = new Collector();
    var fragments = new ArrayList<String>();
    apis.forEach(
        (binder, api) -> {
          fragments.add(binder.schema());
          binder.bind(api, wiring);
        });
    var runtime = RuntimeWiring.newRuntimeWiring();
    Scalars.all().forEach(runtime::scalar);
    fetchers.forEach(
        (type, fields) -> {
          var typeWiring = TypeRuntimeWiring.newTypeWiring(type);
          fields.forEach(typeWiring::dataFetcher);
          runtime.type(typeWiring);
        });
    var registry = new SchemaParser().buildRegistry(merge(fragments));
    this.schema = new SchemaGenerator().makeExecutableSchema(registry, runtime.build());
    this.graphQl =
        GraphQL.newGraphQL(schema)
            .defaultDataFetcherExceptionHandler(new Errors())
            .instrumentation(
                new ChainedInstrumentation(
                    new MaxQueryDepthInstrumentation(maxDepth) {
                      @Override
                      public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                          InstrumentationExecuteOperationParameters p, InstrumentationState s) {
                        return introspection(p) ? null : super.beginExecuteOperation(p, s);
                      }

                      @Override
                      protected AbortExecutionException mkAbortException(int depth, int max) {
                        return abort(
                            "QUERY_TOO_DEEP",
                            "The query is "
                                + depth
                                + " levels deep; the limit is "
                                + max
                                + " (keel.graphql.max-depth). Ask for fewer nested fields.");
                      }
                    },
                    new MaxQueryComplexityInstrumentation(maxComplexity) {
                      @Override
                      public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                          InstrumentationExecuteOperationParameters p, InstrumentationState s) {
                        return introspection(p) ? null : super.beginExecuteOperation(p, s);
                      }

                      @Override
                      protected AbortExecutionException mkAbortException(int cost, int max) {
                        return abort(
                            "QUERY_TOO_COMPLEX",
                            "The query selects "
                                + cost
                                + " fields; the limit is "
                                + max
                                + " (keel.graphql.max-complexity). Split it or ask for fewer"
                                + " fields.");
                      }
                    }))
            .preparsedDocumentProvider(new ApolloPersistedQuerySupport(new PersistedQueries(1000)))
            .build();
    this.sdl =
        new SchemaPrinter(SchemaPrinter.Options.defaultOptions().includeDirectives(false))
            .print(schema);
  }

  /** The schema in SDL, as {@code GET /graphql/schema.graphql} serves it. */
  public String sdl() {
    return sdl;
  }

  /** Whether {@code r}'s operation is a mutation (GET may not carry one); false if unparsable. */
  public static boolean mutation(Request r) {
    if (r.query() == null || r.query().isBlank()) return false;
    try {
      Document d = Parser.parse(r.query());
      for (var op : d.getDefinitionsOfType(graphql.language.OperationDefinition.class)) {
        if (r.operationName() == null || r.operationName().equals(op.getName())) {
          return op.getOperation() == graphql.language.OperationDefinition.Operation.MUTATION;
        }
      }
    } catch (RuntimeException e) {
      return false; // execution reports the syntax error
    }
    return false;
  }

  public ExecutionResult execute(Request r, Optional<Principal> principal) {
    String query = r.query();
    if ((query == null || query.isBlank()) && r.extensions().containsKey("persistedQuery")) {
      query = PersistedQuerySupport.PERSISTED_QUERY_MARKER;
    }
    var loaders = DataLoaderRegistry.newRegistry().build();
    for (Batch b : batches) {
      loaders.register(
          b.name(),
          DataLoaderFactory.newDataLoader(
              keys -> {
                List<?> values;
                try {
                  values = b.resolver().resolve(new ArrayList<>(keys), call(null, principal));
                } catch (Exception e) {
                  return CompletableFuture.failedFuture(e);
                }
                if (values == null || values.size() != keys.size()) {
                  throw new IllegalStateException(
                      "@Batched "
                          + b.name()
                          + " returned "
                          + (values == null ? "null" : values.size() + " values")
                          + " for "
                          + keys.size()
                          + " parents; return one value"
                          + " per parent, in order");
                }
                return CompletableFuture.completedFuture(new ArrayList<Object>(values));
              }));
    }
    var input =
        ExecutionInput.newExecutionInput()
            .query(query == null ? "" : query)
            .operationName(r.operationName())
            .variables(r.variables())
            .extensions(r.extensions())
            .graphQLContext(Map.of(PRINCIPAL, principal))
            .dataLoaderRegistry(loaders)
            .build();
    return graphQl.execute(input);
  }

  private FetchCall call(graphql.schema.DataFetchingEnvironment env, Optional<Principal> who) {
    return env == null
        ? new FetchCall(null, Map.of(), who, json)
        : new FetchCall(env.getSource(), env.getArguments(), who, json);
  }

  private static Optional<Principal> principal(graphql.schema.DataFetchingEnvironment env) {
    Optional<Principal> p = env.getGraphQlContext().get(PRINCIPAL);
    return p == null ? Optional.empty() : p;
  }

  private static void authorize(String field, List<String> requires, Optional<Principal> who) {
    if (requires.isEmpty()) return;
    if (who.isEmpty()) {
      throw new FetchCall.FieldDenied(
          "UNAUTHENTICATED", field + " needs an authenticated caller; log in first.");
    }
    for (String permission : requires) {
      if (!who.get().can(permission)) {
        throw new FetchCall.FieldDenied(
            "FORBIDDEN",
            field
                + " needs the permission '"
                + permission
                + "', which "
                + who.get().id()
                + " lacks.");
      }
    }
  }

  private final class Collector implements Wiring {
    @Override
    public void field(String type, String field, List<String> requires, Resolver resolver) {
      String name = type + "." + field;
      DataFetcher<Object> f =
          env -> {
            Optional<Principal> who = principal(env);
            authorize(name, requires, who);
            return resolver.resolve(call(env, who));
          };
      if (requires.isEmpty()
          && !type.equals("Query")
          && !type.equals("Mutation")
          && !type.equals("Subscription")) {
        f =
            env ->
                resolver.resolve(new FetchCall(env.getSource(), Map.of(), Optional.empty(), json));
      }
      fetchers.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(field, f);
    }

    @Override
    public void batched(String type, String field, List<String> requires, BatchResolver resolver) {
      String name = type + "." + field;
      batches.add(new Batch(name, requires, resolver));
      fetchers
          .computeIfAbsent(type, t -> new LinkedHashMap<>())
          .put(
              field,
              env -> {
                authorize(name, requires, principal(env));
                return env.getDataLoader(name).load(env.getSource());
              });
    }
  }

  /** One type per name; a type declared by several binders gets the union of their fields. */
  private static Document merge(List<String> fragments) {
    var byName = new LinkedHashMap<String, Definition<?>>();
    for (String sdl : Scalars.all().stream().map(s -> "scalar " + s.getName()).toList()) {
      fragments = new ArrayList<>(fragments);
      fragments.add(sdl);
    }
    for (String fragment : fragments) {
      for (Definition<?> d : Parser.parse(fragment).getDefinitions()) {
        String name = ((NamedNode<?>) d).getName();
        Definition<?> before = byName.get(name);
        if (before instanceof ObjectTypeDefinition o && d instanceof ObjectTypeDefinition n) {
          var fields = new LinkedHashMap<String, FieldDefinition>();
          o.getFieldDefinitions().forEach(f -> fields.put(f.getName(), f));
          n.getFieldDefinitions().forEach(f -> fields.putIfAbsent(f.getName(), f));
          byName.put(name, o.transform(b -> b.fieldDefinitions(new ArrayList<>(fields.values()))));
        } else if (before == null) {
          byName.put(name, d);
        }
      }
    }
    return Document.newDocument().definitions(new ArrayList<>(byName.values())).build();
  }

  /**
   * Whether the operation asks only for {@code __schema}/{@code __type}: GraphiQL's and codegen's
   * introspection query is deeper than any sensible limit, and graphql-java's good-faith
   * introspection check already bounds it.
   */
  private static boolean introspection(InstrumentationExecuteOperationParameters p) {
    var selections = p.getExecutionContext().getOperationDefinition().getSelectionSet();
    return selections.getSelections().stream()
        .allMatch(sel -> sel instanceof graphql.language.Field f && f.getName().startsWith("__"));
  }

  private static AbortExecutionException abort(String code, String message) {
    GraphQLError e =
        GraphqlErrorBuilder.newError().message(message).extensions(Map.of("code", code)).build();
    return new AbortExecutionException(List.of(e));
  }

  /** Resolver exceptions as GraphQL errors: a Keel problem's detail, never a stack trace. */
  private static final class Errors implements DataFetcherExceptionHandler {
    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
        graphql.execution.DataFetcherExceptionHandlerParameters p) {
      Throwable t = p.getException();
      if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
        t = t.getCause();
      }
      String message;
      Map<String, Object> extensions = new LinkedHashMap<>();
      switch (t) {
        case FetchCall.FieldDenied d -> {
          message = d.getMessage();
          extensions.put("code", d.code);
        }
        case HttpException h -> {
          message = h.problem().detail();
          String type = h.problem().type();
          // a Keel code (record-not-found) or, for about:blank, the status's reason (NOT_FOUND)
          String code =
              type.equals("about:blank")
                  ? dev.keel.core.Problem.reason(h.status())
                  : type.substring(type.lastIndexOf('/') + 1);
          extensions.put(
              "code", code.toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_'));
          extensions.put("status", h.status());
          if (!h.problem().errors().isEmpty()) { // Bean Validation's fields, e.g. input.title
            extensions.put(
                "errors",
                h.problem().errors().stream()
                    .map(e -> Map.of("field", e.field(), "message", e.message()))
                    .toList());
          }
        }
        default -> {
          log.error("GraphQL field {} failed", p.getPath(), t);
          message =
              "Internal error while resolving " + p.getPath() + "; the server log has the cause.";
          extensions.put("code", "INTERNAL_SERVER_ERROR");
        }
      }
      GraphQLError error =
          GraphqlErrorBuilder.newError(p.getDataFetchingEnvironment())
              .message(message)
              .extensions(extensions)
              .build();
      return CompletableFuture.completedFuture(
          DataFetcherExceptionHandlerResult.newResult(error).build());
    }
  }
}
