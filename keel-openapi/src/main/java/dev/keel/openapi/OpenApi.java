package dev.keel.openapi;

import dev.keel.core.Handler;
import dev.keel.core.Keel;
import dev.keel.core.Plugin;
import dev.keel.core.Routes;
import dev.keel.core.StaticFiles;
import dev.keel.core.spi.RouteBinder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The application's OpenAPI 3.1 document and its docs page. Controllers are described at build time
 * by keel-processor; functional routes by {@link #route}/{@link #describe}.
 *
 * <pre>{@code
 * OpenApi openApi = OpenApi.create();
 * Keel app = Keel.create(args).install(openApi).controllers(new ArticlesController());
 * openApi.route(app, "GET", "/health", op -> op.summary("Liveness").response(200, String.class),
 *     ctx -> "ok");
 * app.start();
 * }</pre>
 *
 * <table>
 *   <caption>Routes and settings</caption>
 *   <tr><th>route</th><th>serves</th></tr>
 *   <tr><td>{@code GET /openapi.json}</td><td>the document as JSON</td></tr>
 *   <tr><td>{@code GET /openapi.yaml}</td><td>the document as YAML</td></tr>
 *   <tr><td>{@code GET /docs}</td><td>Swagger UI, served from its webjar (no CDN)</td></tr>
 *   <tr><th>key</th><th>default</th></tr>
 *   <tr><td>{@code keel.openapi.title}</td><td>{@code Keel API}</td></tr>
 *   <tr><td>{@code keel.openapi.version}</td><td>{@code 0.1.0}</td></tr>
 *   <tr><td>{@code keel.openapi.docs}</td><td>{@code true}: serve {@code /docs}</td></tr>
 *   <tr><td>{@code keel.security.scheme}</td><td>{@code Bearer}: keel-security's
 *       {@code Authorization} scheme, for guarded operations ({@link #authorizationScheme})</td></tr>
 * </table>
 *
 * <p>The document is built once, at start-up (or on first request to an application that was not
 * started, such as one under the in-process test client); {@link #json()} gives it to tools such as
 * {@code keel openapi}. {@link #builder()} sets in code what configuration cannot hold: the error
 * body's type and the security schemes.
 */
public final class OpenApi implements Plugin {
  private static final Logger log = LoggerFactory.getLogger(OpenApi.class);
  private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/";
  private static final String DOCS_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " object-src 'none'; frame-ancestors 'none'";

  private final List<Document.Described> described = new ArrayList<>();
  private final Map<String, ObjectNode> securitySchemes = new LinkedHashMap<>();
  private final JsonMapper json = JsonMapper.builder().build();
  private Keel app;
  private String title;
  private String version;
  private String authorization = "Bearer";
  private final java.lang.reflect.Type errorBody;
  private ObjectNode document; // built at start (fails fast), written out at the first request
  private byte[] jsonBytes;
  private byte[] yamlBytes;

  private OpenApi(Builder b) {
    this.errorBody = b.errorBody;
    b.schemes.forEach(step -> step.accept(this));
  }

  /** The document and docs page with every setting from {@code keel.openapi.*}. */
  public static OpenApi create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Code settings of {@link OpenApi}; all optional. */
  public static final class Builder {
    private final List<Consumer<OpenApi>> schemes = new ArrayList<>();
    private java.lang.reflect.Type errorBody;

    private Builder() {}

    /**
     * The {@code Authorization} scheme that keel-security reads ({@code keel.security.scheme}) for
     * the operations that {@code @Requires} or a {@code Principal} parameter guard. Without any of
     * {@code authorizationScheme}, {@link #sessionCookie} and {@link #apiKeyHeader}, the document
     * names one scheme, {@code bearerAuth} (HTTP bearer, JWT); with them, every guarded operation
     * accepts any of the named schemes. When none is named, {@code keel.security.scheme}
     * (keel-security's setting) is used, so an app with {@code Token} there needs no call.
     *
     * @param scheme {@code Bearer} (an HTTP bearer scheme), or another such as Conduit's {@code
     *     Token}, which OpenAPI can only describe as an {@code Authorization} header
     */
    public Builder authorizationScheme(String scheme) {
      Objects.requireNonNull(scheme, "scheme");
      schemes.add(o -> o.authorizationScheme(scheme));
      return this;
    }

    /** Guarded operations also accept keel-security's session cookie named {@code name}. */
    public Builder sessionCookie(String name) {
      Objects.requireNonNull(name, "name");
      schemes.add(o -> o.sessionCookie(name));
      return this;
    }

    /** Guarded operations also accept keel-security's API keys in the header {@code name}. */
    public Builder apiKeyHeader(String name) {
      Objects.requireNonNull(name, "name");
      schemes.add(o -> o.apiKeyHeader(name));
      return this;
    }

    /**
     * Describes error responses as {@code application/json} of {@code type} instead of RFC 9457
     * problem+json: pass the type that the app's {@link Keel#errorBody} function returns.
     */
    public Builder errorBody(java.lang.reflect.Type type) {
      this.errorBody = Objects.requireNonNull(type, "type");
      return this;
    }

    public OpenApi build() {
      return new OpenApi(this);
    }
  }

  @Override
  public void install(Keel app) {
    this.app = app;
    var config = app.config();
    title = config.string("keel.openapi.title", "Keel API");
    version = config.string("keel.openapi.version", "0.1.0");
    boolean docs = config.bool("keel.openapi.docs", true);
    // keel-security's setting, read here too so that Conduit's "Token" needs no second mention
    authorization = config.string("keel.security.scheme", "Bearer");
    app.get(
        "/openapi.json",
        ctx -> {
          ctx.header("Content-Type", "application/json");
          return json();
        });
    app.get(
        "/openapi.yaml",
        ctx -> {
          ctx.header("Content-Type", "application/yaml");
          return yaml();
        });
    if (docs) {
      String root = SWAGGER_UI + swaggerUiVersion();
      app.get(
          "/docs",
          ctx -> {
            ctx.header("Content-Type", "text/html; charset=utf-8");
            // Scripts only from here; Swagger UI's CSS uses data: icons and sets inline styles.
            ctx.header("Content-Security-Policy", DOCS_POLICY);
            return page();
          });
      app.get(
          "/docs/init.js",
          ctx -> {
            ctx.header("Content-Type", "text/javascript; charset=utf-8");
            return "window.ui = SwaggerUIBundle({ url: \"/openapi.json\", dom_id: \"#swagger-ui\","
                + " deepLinking: true });\n";
          });
      app.get("/docs/{*path}", StaticFiles.classpath(root));
    }
    app.onStart(this::document); // fail fast on a missing controller description
  }

  private void authorizationScheme(String scheme) {
    ObjectNode node = json.createObjectNode();
    if (scheme.equalsIgnoreCase("Bearer")) {
      node.put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
    } else {
      node.put("type", "apiKey")
          .put("in", "header")
          .put("name", "Authorization")
          .put("description", "'" + scheme + " <JWT>'");
    }
    securitySchemes.put("bearerAuth", node);
  }

  private void sessionCookie(String name) {
    if (securitySchemes.isEmpty()) authorizationScheme("Bearer");
    securitySchemes.put(
        "sessionCookie",
        json.createObjectNode().put("type", "apiKey").put("in", "cookie").put("name", name));
  }

  private void apiKeyHeader(String name) {
    if (securitySchemes.isEmpty()) authorizationScheme("Bearer");
    securitySchemes.put(
        "apiKey",
        json.createObjectNode().put("type", "apiKey").put("in", "header").put("name", name));
  }

  /** Describes a functional route registered elsewhere; {@code pattern} is its full pattern. */
  public OpenApi describe(String method, String pattern, Consumer<Operation> description) {
    var op = new Operation();
    description.accept(op);
    described.add(
        new Document.Described(
            method.toUpperCase(java.util.Locale.ROOT), Objects.requireNonNull(pattern), op));
    return this;
  }

  /** Registers a functional route on {@code routes} and describes it in one step. */
  public OpenApi route(
      Routes routes,
      String method,
      String pattern,
      Consumer<Operation> description,
      Handler handler) {
    routes.route(method, pattern, handler);
    return describe(method, pattern, description);
  }

  /** The document as JSON. */
  public synchronized byte[] json() {
    if (jsonBytes == null) {
      jsonBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document());
    }
    return jsonBytes;
  }

  /** The document as YAML. */
  public synchronized byte[] yaml() {
    if (yamlBytes == null) yamlBytes = YAMLMapper.builder().build().writeValueAsBytes(document());
    return yamlBytes;
  }

  /** Describes every controller once; writing it out waits for the first request (start-up). */
  private synchronized ObjectNode document() {
    if (document != null) return document;
    if (app == null)
      throw new IllegalStateException("install the plugin first: app.install(openApi)");
    if (securitySchemes.isEmpty() && !authorization.equalsIgnoreCase("Bearer")) {
      authorizationScheme(authorization);
    }
    document =
        Document.build(
            title,
            version,
            app.services(RouteBinder.class).stream()
                .<Class<?>>map(RouteBinder::controller)
                .toList(),
            described,
            securitySchemes,
            errorBody,
            json);
    return document;
  }

  private String page() {
    String escaped =
        title
            .replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;");
    return """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>%s: API docs</title>
          <link rel="stylesheet" href="/docs/swagger-ui.css">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="/docs/swagger-ui-bundle.js"></script>
          <script src="/docs/init.js"></script>
        </body>
        </html>
        """
        .formatted(escaped);
  }

  private static String swaggerUiVersion() {
    String name = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    try (InputStream in = OpenApi.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "Swagger UI is missing from the class path; add org.webjars:swagger-ui, or set"
                + " keel.openapi.docs=false");
      }
      var p = new Properties();
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
