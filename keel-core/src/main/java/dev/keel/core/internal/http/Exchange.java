package dev.keel.core.internal.http;

import dev.keel.core.AttributeKey;
import dev.keel.core.Context;
import dev.keel.core.Cookie;
import dev.keel.core.Form;
import dev.keel.core.internal.json.JsonCodec;
import dev.keel.core.internal.router.PathParams;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The {@link Context} of one request: the decoded request (Netty's {@link HttpRequest} and the
 * aggregated body) and the response under construction. Used by the network transport and by the
 * in-process test client alike.
 */
public final class Exchange implements Context {
  private static final PathParams NO_PARAMS = PathParams.empty();

  private final HttpRequest request;
  private final ByteBuf body;
  private final InetSocketAddress remote;
  private final String protocol;
  private final JsonCodec json;
  private final FormSource formSource;

  private String path;
  private Map<String, List<String>> query;
  private String routeTemplate = "";
  private PathParams params = NO_PARAMS;
  private int status;
  private HttpHeaders responseHeaders;
  private List<Cookie> cookies;
  private Map<AttributeKey<?>, Object> attributes;
  private Map<String, String> requestCookies;
  private String requestId;
  private byte[] bodyBytes;
  private Form form;
  private Consumer<Response> onResponse;

  /** Supplies the form of a request whose body was decoded while it arrived (multipart). */
  @FunctionalInterface
  public interface FormSource {
    Form form(Exchange exchange);
  }

  public Exchange(
      HttpRequest request,
      ByteBuf body,
      InetSocketAddress remote,
      String protocol,
      JsonCodec json,
      FormSource formSource) {
    this.request = request;
    this.body = body;
    this.remote = remote;
    this.protocol = protocol;
    this.json = json;
    this.formSource = formSource;
  }

  /** The application's JSON codec. */
  public JsonCodec json() {
    return json;
  }

  public HttpRequest request() {
    return request;
  }

  public ByteBuf rawBody() {
    return body;
  }

  public void route(String template, PathParams params) {
    this.routeTemplate = template;
    this.params = params;
  }

  public void requestId(String id) {
    this.requestId = id;
  }

  /**
   * Runs {@code listener} with the encoded response once the chain has returned or failed and its
   * error is mapped, on the request's thread; for access logs and metrics, which need the final
   * status and size. A failing listener is logged and does not change the response.
   */
  public void onResponse(Consumer<Response> listener) {
    onResponse = onResponse == null ? listener : onResponse.andThen(listener);
  }

  /** Called by the pipeline with the response it encoded. */
  void responded(Response response) {
    if (onResponse == null) return;
    try {
      onResponse.accept(response);
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(Exchange.class)
          .warn("A response listener failed for {} {}", method(), path(), e);
    }
  }

  public HttpHeaders responseHeaders() {
    if (responseHeaders == null) responseHeaders = Headers.create();
    return responseHeaders;
  }

  public List<Cookie> responseCookies() {
    return cookies == null ? List.of() : cookies;
  }

  public boolean hasResponseHeaders() {
    return responseHeaders != null && !responseHeaders.isEmpty();
  }

  // ---- request line

  @Override
  public String method() {
    return request.method().name();
  }

  @Override
  public String path() {
    if (path == null) {
      String uri = request.uri();
      int q = uri.indexOf('?');
      path = q < 0 ? uri : uri.substring(0, q);
    }
    return path;
  }

  @Override
  public String routeTemplate() {
    return routeTemplate;
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return remote;
  }

  // ---- parameters

  @Override
  public String pathParam(String name) {
    return Converters.text("path parameter", name, pathParamOrThrow(name));
  }

  private String pathParamOrThrow(String name) {
    return params
        .find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "route "
                        + (routeTemplate.isEmpty() ? "(none)" : routeTemplate)
                        + " has no path parameter '"
                        + name
                        + "'; it has "
                        + params.names()));
  }

  @Override
  public <T> T pathParam(String name, Class<T> type) {
    return Converters.convert("path parameter '" + name + "'", pathParam(name), type);
  }

  /** Parsed on first use; a malformed query string is a 400 for the handler that reads it. */
  private Map<String, List<String>> query() {
    if (query == null) query = QueryString.query(QueryString.of(request.uri()));
    return query;
  }

  @Override
  public Optional<String> query(String name) {
    List<String> values = query().get(name);
    return values == null || values.isEmpty()
        ? Optional.empty()
        : Optional.of(Converters.text("query parameter", name, values.get(0)));
  }

  @Override
  public <T> Optional<T> query(String name, Class<T> type) {
    return query(name).map(v -> Converters.convert("query parameter '" + name + "'", v, type));
  }

  @Override
  public <T> List<T> queryAll(String name, Class<T> type) {
    List<String> values = query().getOrDefault(name, List.of());
    var out = new ArrayList<T>(values.size());
    for (String v : values) {
      out.add(Converters.convert("query parameter '" + name + "'", v, type));
    }
    return List.copyOf(out);
  }

  @Override
  public Map<String, List<String>> queryParams() {
    return java.util.Collections.unmodifiableMap(Converters.texts("query parameter", query()));
  }

  // ---- headers and cookies

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(request.headers().get(name));
  }

  @Override
  public <T> Optional<T> header(String name, Class<T> type) {
    return header(name).map(v -> Converters.convert("header '" + name + "'", v, type));
  }

  @Override
  public List<String> headers(String name) {
    return List.copyOf(request.headers().getAll(name));
  }

  @Override
  public Optional<String> cookie(String name) {
    if (requestCookies == null) {
      requestCookies = new java.util.HashMap<>();
      for (String header : request.headers().getAll(HttpHeaderNames.COOKIE)) {
        for (var c : ServerCookieDecoder.STRICT.decodeAll(header)) {
          requestCookies.putIfAbsent(c.name(), c.value());
        }
      }
    }
    return Optional.ofNullable(requestCookies.get(name));
  }

  @Override
  public <T> Optional<T> cookie(String name, Class<T> type) {
    return cookie(name).map(v -> Converters.convert("cookie '" + name + "'", v, type));
  }

  // ---- body

  @Override
  public byte[] body() {
    if (bodyBytes == null) {
      bodyBytes = body.isReadable() ? ByteBufUtil.getBytes(body) : new byte[0];
    }
    return bodyBytes;
  }

  @Override
  public String bodyText() {
    Charset charset = HttpUtil.getCharset(request, StandardCharsets.UTF_8);
    return body.toString(charset);
  }

  @Override
  public InputStream bodyStream() {
    return new ByteBufInputStream(body.duplicate());
  }

  @Override
  public <T> T body(Class<T> type) {
    requireJson();
    return json.read(body(), type);
  }

  @Override
  public <T> T body(java.lang.reflect.Type type) {
    requireJson();
    return json.read(body(), type);
  }

  private void requireJson() {
    String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
    if (contentType != null && !MediaTypes.isJson(MediaTypes.essence(contentType))) {
      throw MediaTypes.unsupported(
          "Expected a JSON body (Content-Type: application/json) but got Content-Type: "
              + contentType
              + ".");
    }
  }

  @Override
  public Form form() {
    if (form == null) form = formSource.form(this);
    return form;
  }

  // ---- response

  @Override
  public Context status(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status: " + status + " (expected: 100-599)");
    }
    this.status = status;
    return this;
  }

  @Override
  public int status() {
    return status == 0 ? 200 : status;
  }

  /** The status a handler set, or 0 when it set none. */
  public int explicitStatus() {
    return status;
  }

  @Override
  public Context header(String name, String value) {
    Headers.check(name, value);
    responseHeaders().set(name, value);
    return this;
  }

  @Override
  public Optional<String> responseHeader(String name) {
    return responseHeaders == null
        ? Optional.empty()
        : Optional.ofNullable(responseHeaders.get(name));
  }

  @Override
  public Context cookie(Cookie cookie) {
    if (cookies == null) cookies = new ArrayList<>(2);
    cookies.add(cookie);
    return this;
  }

  // ---- attributes

  @Override
  public <T> Optional<T> attribute(AttributeKey<T> key) {
    return attributes == null
        ? Optional.empty()
        : Optional.ofNullable(key.type().cast(attributes.get(key)));
  }

  @Override
  public <T> Context attribute(AttributeKey<T> key, T value) {
    if (attributes == null) attributes = new IdentityHashMap<>(4);
    attributes.put(key, key.type().cast(value));
    return this;
  }

  @Override
  public String requestId() {
    if (requestId == null) requestId = RequestIds.next();
    return requestId;
  }

  /** An exchange for tests and error paths that have no body. */
  public static ByteBuf emptyBody() {
    return Unpooled.EMPTY_BUFFER;
  }
}
