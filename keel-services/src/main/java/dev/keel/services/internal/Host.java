package dev.keel.services.internal;

import dev.keel.core.Context;
import dev.keel.core.HttpException;
import dev.keel.core.Keel;
import dev.keel.core.Problem;
import dev.keel.core.RenderedBody;
import dev.keel.services.ServicesProblems;
import dev.keel.services.spi.ComponentDescriptor;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The host's side of remote calls: {@code POST /_keel/components/{component}/{method}} with the
 * arguments as a JSON object by parameter name, answered with the result as JSON or a problem that
 * names the exception's type ({@code exception}) so the caller throws the same one.
 */
public final class Host {
  private static final Logger log = LoggerFactory.getLogger(Host.class);

  /** The route every component of a process is served under. */
  public static final String ROUTE = "/_keel/components/{component}/{method}";

  /** A component this process hosts, with its implementation. */
  public record Hosted<T>(ComponentDescriptor<T> descriptor, T implementation) {
    Object invoke(String method, Context ctx) throws Exception {
      JsonNode body;
      try {
        body = Json.MAPPER.readTree(ctx.body());
      } catch (JacksonException e) {
        throw invalid(method, "the body is not JSON: " + e.getOriginalMessage());
      }
      if (body == null || !body.isObject()) {
        throw invalid(method, "the body is not a JSON object of arguments by parameter name");
      }
      return descriptor.invoke(
          implementation,
          method,
          (name, type) -> {
            JsonNode value = body.get(name);
            try {
              return Json.MAPPER.treeToValue(
                  value == null ? Json.MAPPER.nullNode() : value, Json.MAPPER.constructType(type));
            } catch (JacksonException e) {
              throw invalid(method, "argument '" + name + "': " + e.getOriginalMessage());
            }
          });
    }

    private InvalidArguments invalid(String method, String why) {
      return new InvalidArguments("Call of " + descriptor.name() + "." + method + ": " + why);
    }
  }

  /** Arguments that do not decode; thrown before the implementation runs. */
  private static final class InvalidArguments extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidArguments(String message) {
      super(message, null, false, false);
    }
  }

  private final Map<String, Hosted<?>> hosted;
  private final Keel app;

  public Host(Map<String, Hosted<?>> hosted, Keel app) {
    this.hosted = hosted;
    this.app = app;
  }

  public void install() {
    app.post(ROUTE, this::handle);
  }

  private Object handle(Context ctx) throws Exception {
    String component = ctx.pathParam("component");
    String method = ctx.pathParam("method");
    Hosted<?> target = hosted.get(component);
    if (target == null) {
      throw new HttpException(
          ServicesProblems.COMPONENT_NOT_HOSTED,
          "This process hosts "
              + hosted.keySet()
              + ", not "
              + component
              + "; the caller's keel-deploy.properties routes it to the wrong process");
    }
    String version = ctx.header(CallScope.VERSION_HEADER).orElse("");
    String ours = target.descriptor().version();
    if (!version.equals(ours)) {
      throw new HttpException(
          Problem.of(
                  ServicesProblems.COMPONENT_VERSION_MISMATCH,
                  "Component "
                      + component
                      + " here was built from interface version "
                      + ours
                      + ", the caller's is "
                      + (version.isEmpty() ? "(none sent)" : version))
              .with("hostVersion", ours)
              .with("callerVersion", version));
    }
    long remaining = deadlineMillis(ctx, component, method);
    Long deadline = remaining < 0 ? null : System.nanoTime() + remaining * 1_000_000;
    String trace = ctx.header("traceparent").filter(CallScope::isTraceparent).orElse(null);
    Object result;
    try {
      result = CallScope.received(deadline, trace, () -> target.invoke(method, ctx));
    } catch (NoSuchMethodException e) {
      throw new HttpException(
          ServicesProblems.COMPONENT_NOT_HOSTED,
          "Component " + component + " here has no method " + method + "; rebuild the caller");
    } catch (InvalidArguments e) {
      throw new HttpException(ServicesProblems.COMPONENT_ARGUMENTS_INVALID, e.getMessage());
    } catch (HttpException e) {
      throw new HttpException(e.problem().with("exception", e.getClass().getName()));
    } catch (Exception e) {
      log.error("component {}.{} threw", component, method, e);
      String message = e.getMessage() == null ? "" : e.getMessage();
      throw new HttpException(
          Problem.of(
                  ServicesProblems.COMPONENT_FAILED,
                  "Component " + component + "." + method + " threw " + e.getClass().getName())
              .with("exception", e.getClass().getName())
              .with("message", message));
    }
    return json(result);
  }

  private static long deadlineMillis(Context ctx, String component, String method) {
    var header = ctx.header(CallScope.DEADLINE_HEADER);
    if (header.isEmpty()) return -1; // a caller without deadline: none here either
    long remaining;
    try {
      remaining = Long.parseLong(header.get());
    } catch (NumberFormatException e) {
      remaining = 0;
    }
    if (remaining <= 0) {
      throw new HttpException(
          ServicesProblems.COMPONENT_DEADLINE_EXCEEDED,
          "The call of "
              + component
              + "."
              + method
              + " arrived after its deadline ("
              + CallScope.DEADLINE_HEADER
              + ": "
              + header.get()
              + ")");
    }
    return Math.min(remaining, Duration.ofDays(1).toMillis());
  }

  private static RenderedBody json(Object result) {
    byte[] bytes = Json.MAPPER.writeValueAsBytes(result);
    return new RenderedBody() {
      @Override
      public String contentType() {
        return "application/json";
      }

      @Override
      public void writeTo(java.io.OutputStream out) throws java.io.IOException {
        out.write(bytes);
      }
    };
  }
}
