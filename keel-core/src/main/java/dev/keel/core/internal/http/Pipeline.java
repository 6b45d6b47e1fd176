package dev.keel.core.internal.http;

import dev.keel.core.BadRequest;
import dev.keel.core.Handler;
import dev.keel.core.Hook;
import dev.keel.core.HttpException;
import dev.keel.core.Middleware;
import dev.keel.core.NotFound;
import dev.keel.core.Problem;
import dev.keel.core.ProblemTypes;
import dev.keel.core.SecureHeaders;
import dev.keel.core.internal.router.Lookup;
import dev.keel.core.internal.router.MalformedPathException;
import dev.keel.core.internal.router.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request pipeline, in one place. For every request:
 *
 * <ol>
 *   <li>the router picks the route (or 404 / 405 / automatic {@code OPTIONS}) on the network
 *       thread, so the route template is known to everything after it;
 *   <li>the application's middleware runs, first added outermost, then the route group's;
 *   <li>the before hooks, the handler, the after hooks;
 *   <li>the result is encoded by type; any exception becomes problem+json via {@link ErrorMapper}.
 * </ol>
 *
 * Chains are composed once at start-up, one per route, so a request only walks its own.
 */
public final class Pipeline {

  /** A registered route before composition. */
  public record RouteSpec(
      String method, String pattern, Handler handler, List<Middleware> groupMiddleware) {}

  /** What runs for a request: a composed chain, and whether it may run on the network thread. */
  public record Target(Handler handler, boolean nonBlocking) {}

  private final Router<Target> router;
  private final List<Middleware> global;
  private final Target notFound;
  private final Target serverOptions;
  private final ResultEncoder encoder;
  private final ErrorMapper errors;
  private final Map<String, String> ownHeaders;

  public Pipeline(
      List<RouteSpec> routes,
      List<Middleware> global,
      List<Hook> before,
      List<Hook> after,
      ResultEncoder encoder,
      ErrorMapper errors) {
    this.global = List.copyOf(global);
    this.encoder = encoder;
    this.errors = errors;
    this.ownHeaders =
        this.global.stream()
            .filter(m -> m instanceof SecureHeaders)
            .map(m -> ((SecureHeaders) m).headers())
            .findFirst()
            .orElse(SecureHeaders.middleware().headers());
    var builder = Router.<Target>builder();
    for (RouteSpec r : routes) {
      boolean nonBlocking = r.handler() instanceof Handler.NonBlocking;
      Handler inner = withHooks(r.handler(), before, after);
      Handler chain = compose(this.global, compose(r.groupMiddleware(), inner));
      builder.add(
          r.method(), r.pattern(), new Target(chain, nonBlocking), r.method() + " " + r.pattern());
    }
    this.router = builder.build();
    this.serverOptions = new Target(compose(this.global, ctx -> null), false);
    this.notFound =
        new Target(
            compose(
                this.global,
                ctx -> {
                  throw new NotFound(
                      ProblemTypes.ROUTE_NOT_FOUND,
                      "No route matches " + ctx.method() + " " + ctx.path() + ".");
                }),
            false);
  }

  public Router<Target> router() {
    return router;
  }

  /** Finds what runs for this request; records the route template and path parameters. */
  public Target resolve(Exchange ex) {
    if (ex.path().equals("*")) return serverOptions; // OPTIONS * asks about the server as a whole
    Lookup<Target> lookup;
    try {
      lookup = router.find(ex.method(), ex.path());
    } catch (MalformedPathException e) {
      return fail(new BadRequest(ProblemTypes.PATH_MALFORMED, e.getMessage()));
    }
    return switch (lookup) {
      case Lookup.Found<Target> found -> {
        ex.route(found.pattern(), found.params());
        yield found.value();
      }
      case Lookup.ImplicitOptions<Target> options -> {
        String allow = String.join(", ", options.allowed());
        yield new Target(
            compose(
                global,
                ctx -> {
                  ctx.header("Allow", allow);
                  return null;
                }),
            false);
      }
      case Lookup.MethodNotAllowed<Target> notAllowed -> {
        String allow = String.join(", ", notAllowed.allowed());
        yield new Target(
            compose(
                global,
                ctx -> {
                  ctx.header("Allow", allow);
                  throw new HttpException(
                      ProblemTypes.METHOD_NOT_ALLOWED,
                      ctx.method()
                          + " is not supported by "
                          + ctx.path()
                          + "; use one of: "
                          + allow
                          + ".");
                }),
            false);
      }
      case Lookup.NotFound<Target> nf -> notFound;
    };
  }

  private Target fail(HttpException e) {
    return new Target(
        compose(
            global,
            ctx -> {
              throw e;
            }),
        false);
  }

  /** Runs a resolved chain and encodes its outcome; never throws. */
  public Response run(Exchange ex, Target target) {
    Response response;
    try {
      response = encoder.encode(ex, target.handler().handle(ex));
    } catch (Throwable e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      if (e instanceof VirtualMachineError vme) throw vme;
      response = problem(ex, errors.toProblem(ex, e));
    }
    ex.responded(response);
    return response;
  }

  /**
   * Encodes an error, from a handler or from the server itself (bad request line, limits,
   * timeouts). Every error carries the application's secure headers — those of its {@link
   * SecureHeaders} middleware, else the defaults — even when no middleware ran for it.
   */
  public Response problem(Exchange ex, Problem p) {
    for (Map.Entry<String, String> h : ownHeaders.entrySet()) {
      if (!ex.responseHeaders().contains(h.getKey()))
        ex.responseHeaders().set(h.getKey(), h.getValue());
    }
    return encoder.problem(ex, p);
  }

  /** The secure headers that every response the server writes by itself carries. */
  public Map<String, String> ownHeaders() {
    return ownHeaders;
  }

  static Handler compose(List<Middleware> middleware, Handler terminal) {
    Handler h = terminal;
    for (int i = middleware.size() - 1; i >= 0; i--) {
      h = middleware.get(i).apply(h);
    }
    return h;
  }

  private static Handler withHooks(Handler handler, List<Hook> before, List<Hook> after) {
    if (before.isEmpty() && after.isEmpty()) return handler;
    List<Hook> b = new ArrayList<>(before);
    List<Hook> a = new ArrayList<>(after);
    return ctx -> {
      for (Hook hook : b) hook.run(ctx);
      Object result = handler.handle(ctx);
      for (Hook hook : a) hook.run(ctx);
      return result;
    };
  }

  /** The methods a path allows, for diagnostics. */
  public Set<String> allowed(String path) {
    return router.allowedMethods(path);
  }
}
