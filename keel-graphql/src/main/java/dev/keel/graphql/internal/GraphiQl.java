package dev.keel.graphql.internal;

import dev.keel.core.Keel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * GraphiQL from its webjar and React 18's (UMD builds), served under {@code /graphiql}: no CDN, and
 * a Content-Security-Policy that allows scripts from this server only.
 */
public final class GraphiQl {
  private static final String POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " font-src 'self' data:; object-src 'none'; frame-ancestors 'none'";

  private GraphiQl() {}

  /** Serves GraphiQL at {@code path}, querying {@code endpoint}. */
  public static void route(Keel app, String path, String endpoint) {
    String graphiql = "META-INF/resources/webjars/graphiql/" + version("graphiql") + "/";
    Map<String, Asset> assets =
        Map.of(
            "react.js",
            new Asset(
                "META-INF/resources/webjars/react/"
                    + version("react")
                    + "/umd/react.production.min.js",
                "text/javascript"),
            "react-dom.js",
            new Asset(
                "META-INF/resources/webjars/react-dom/"
                    + version("react-dom")
                    + "/umd/react-dom.production.min.js",
                "text/javascript"),
            "graphiql.js",
            new Asset(graphiql + "graphiql.min.js", "text/javascript"),
            "graphiql.css",
            new Asset(graphiql + "graphiql.min.css", "text/css"));
    String page =
        """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>GraphiQL</title>
          <link rel="stylesheet" href="%1$s/graphiql.css">
          <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
        </head>
        <body>
          <div id="graphiql">Loading GraphiQL…</div>
          <script src="%1$s/react.js"></script>
          <script src="%1$s/react-dom.js"></script>
          <script src="%1$s/graphiql.js"></script>
          <script src="%1$s/init.js"></script>
        </body>
        </html>
        """
            .formatted(path);
    String init =
        "ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement("
            + "GraphiQL, { fetcher: GraphiQL.createFetcher({ url: '"
            + endpoint
            + "' }), defaultQuery: '{ __typename }' }));\n";
    app.get(
        path,
        ctx -> {
          ctx.header("Content-Type", "text/html; charset=utf-8");
          ctx.header("Content-Security-Policy", POLICY);
          return page;
        });
    app.get(
        path + "/init.js",
        ctx -> {
          ctx.header("Content-Type", "text/javascript; charset=utf-8");
          return init;
        });
    // one route per file: any other path is the router's own 404
    assets.forEach(
        (file, asset) ->
            app.get(
                path + "/" + file,
                ctx -> {
                  ctx.header("Content-Type", asset.type() + "; charset=utf-8");
                  ctx.header("Cache-Control", "public, max-age=86400");
                  return asset.bytes();
                }));
  }

  private record Asset(String resource, String type) {
    byte[] bytes() throws IOException {
      try (InputStream in = GraphiQl.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) throw new IOException(resource + " is missing from the class path");
        return in.readAllBytes();
      }
    }
  }

  private static String version(String artifact) {
    String name = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
    try (InputStream in = GraphiQl.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "GraphiQL needs org.webjars.npm:"
                + artifact
                + " on the class path (keel-graphql"
                + " depends on it); or set keel.graphql.graphiql=false");
      }
      var p = new Properties();
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
