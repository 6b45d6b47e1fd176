package dev.keel.graphql;

import dev.keel.core.Keel;
import dev.keel.core.Plugin;
import dev.keel.core.spi.StartupTask;
import dev.keel.graphql.internal.Engine;
import dev.keel.graphql.internal.GraphiQl;
import dev.keel.graphql.internal.HttpTransport;
import dev.keel.graphql.internal.WsTransport;
import dev.keel.graphql.spi.GraphQlBinder;
import dev.keel.realtime.Realtime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL at {@code /graphql}, from {@link GraphQlApi} classes whose schema keel-processor wrote at
 * build time.
 *
 * <pre>{@code
 * Keel.create(args)
 *     .install(new Security())
 *     .install(GraphQl.create(new ArticlesGraph(db)))
 *     .start();
 * }</pre>
 *
 * <table>
 *   <caption>Routes and settings</caption>
 *   <tr><th>route</th><th>serves</th></tr>
 *   <tr><td>{@code GET, POST /graphql}</td><td>GraphQL over HTTP</td></tr>
 *   <tr><td>{@code GET /graphql/schema.graphql}</td><td>the schema (SDL)</td></tr>
 *   <tr><td>{@code /graphql/ws}</td><td>subscriptions (and queries) over WebSocket, the
 *       {@code graphql-transport-ws} protocol; needs keel-realtime's {@link Realtime} installed
 *       first</td></tr>
 *   <tr><td>{@code GET /graphiql}</td><td>GraphiQL, served from the jar; dev profile only
 *       unless {@code keel.graphql.graphiql=true}</td></tr>
 *   <tr><th>key</th><th>default</th></tr>
 *   <tr><td>{@code keel.graphql.max-depth}</td><td>10 levels of nested selections</td></tr>
 *   <tr><td>{@code keel.graphql.max-complexity}</td><td>500 fields selected, lists counted
 *       once</td></tr>
 *   <tr><td>{@code keel.graphql.graphiql}</td><td>true in the dev profile, else false</td></tr>
 * </table>
 *
 * <p>Thread-safe. Resolvers run on the request's virtual thread; {@link Batched} fields are loaded
 * once per query level.
 */
public final class GraphQl implements Plugin {
  private final List<Object> apis;
  private StartupTask<Engine> engine;

  private GraphQl(List<Object> apis) {
    this.apis = List.copyOf(apis);
  }

  /** GraphQL over the {@link GraphQlApi} objects {@code apis}. */
  public static GraphQl create(Object... apis) {
    if (apis.length == 0) {
      throw new IllegalArgumentException("GraphQl.create needs at least one @GraphQlApi object");
    }
    return new GraphQl(List.of(apis));
  }

  @Override
  public void install(Keel app) {
    var config = app.config();
    int depth = config.integer("keel.graphql.max-depth", 10, 1, 1000);
    int complexity = config.integer("keel.graphql.max-complexity", 500, 1, 1_000_000);
    boolean graphiql = config.bool("keel.graphql.graphiql", config.isDev());
    Map<GraphQlBinder, Object> bound = new LinkedHashMap<>();
    for (Object api : apis) bound.put(binder(api.getClass()), api);
    JsonMapper json = JsonMapper.builder().build();
    // Parsing and checking the schema is graphql-java's heaviest start-up work (ANTLR's tables,
    // introspection types): it runs beside the other plugins' start-up and is joined before the
    // port opens, so a broken schema still stops start-up.
    var building =
        StartupTask.begin("keel-graphql-schema", () -> new Engine(bound, depth, complexity, json));
    engine = building;
    app.onStart(building::join);
    var http = new HttpTransport(building::join, json);
    app.get("/graphql", http::get);
    app.post("/graphql", http::post);
    app.get(
        "/graphql/schema.graphql",
        ctx -> {
          ctx.header("Content-Type", "text/plain; charset=UTF-8");
          return building.join().sdl();
        });
    app.plugin(Realtime.class)
        .ifPresent(
            rt ->
                rt.ws(
                    "/graphql/ws",
                    rt.defaults().withSubprotocols(WsTransport.PROTOCOL),
                    new WsTransport(building::join, json)));
    if (graphiql) GraphiQl.route(app, "/graphiql", "/graphql");
  }

  /** The schema in SDL, after {@link #install}. */
  public String schema() {
    if (engine == null) throw new IllegalStateException("install GraphQl in a Keel app first");
    return engine.join().sdl();
  }

  /**
   * The generated binder by its conventional name, {@code <Class>GraphQl} ({@code Outer_Inner} for
   * a nested class); reflection here runs once per class, at start-up.
   */
  private static GraphQlBinder binder(Class<?> api) {
    String name = api.getName();
    int dot = name.lastIndexOf('.');
    String generated =
        name.substring(0, dot + 1) + name.substring(dot + 1).replace('$', '_') + "GraphQl";
    try {
      Class<?> type = Class.forName(generated, true, api.getClassLoader());
      var binder = (GraphQlBinder) type.getConstructor().newInstance();
      if (binder.api() == api) return binder;
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      // not generated under that name: look in the service files
    }
    var found = new ArrayList<GraphQlBinder>();
    for (GraphQlBinder b : ServiceLoader.load(GraphQlBinder.class, api.getClassLoader())) {
      if (b.api() == api) found.add(b);
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          "no generated GraphQL binder for "
              + api.getName()
              + ": annotate it with @dev.keel.graphql.GraphQlApi and add dev.keel:keel-processor"
              + " to the compiler's annotationProcessorPaths, so that "
              + api.getSimpleName()
              + "GraphQl is generated");
    }
    return found.get(0);
  }
}
