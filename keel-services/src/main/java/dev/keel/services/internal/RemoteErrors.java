package dev.keel.services.internal;

import dev.keel.core.BadRequest;
import dev.keel.core.Conflict;
import dev.keel.core.Forbidden;
import dev.keel.core.HttpException;
import dev.keel.core.NotFound;
import dev.keel.core.Problem;
import dev.keel.core.ServiceUnavailable;
import dev.keel.core.TooManyRequests;
import dev.keel.core.Unauthorized;
import dev.keel.core.UnprocessableContent;
import dev.keel.services.RemoteException;
import dev.keel.services.ServicesProblems;
import dev.keel.services.spi.ComponentDescriptor;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The caller's side of a failed remote call: the host's problem back into an exception. */
final class RemoteErrors {
  private RemoteErrors() {}

  /** The exception for an error answer of {@code status} with {@code body} from {@code url}. */
  static RuntimeException of(
      ComponentDescriptor<?> component, URI url, String method, int status, byte[] body) {
    JsonNode problem;
    try {
      problem = Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      problem = null;
    }
    String where = component.name() + "." + method + " at " + url;
    if (problem == null || !problem.isObject()) {
      return fallback(status, where, "answered " + status + " without a problem body");
    }
    String type = problem.path("type").asString("");
    String detail = problem.path("detail").asString("");
    if (problem.hasNonNull("exception")) {
      return rebuild(component, problem, problem.path("exception").asString(""), detail);
    }
    if (type.equals(ServicesProblems.COMPONENT_VERSION_MISMATCH.uri())) {
      return new HttpException(
          Problem.of(
                  ServicesProblems.COMPONENT_INCOMPATIBLE,
                  "Component "
                      + component.name()
                      + " at "
                      + url
                      + " was built from interface version "
                      + problem.path("hostVersion").asString("?")
                      + ", this process from version "
                      + component.version()
                      + "; deploy both processes from the same build of "
                      + component.type().getName())
              .with("hostVersion", problem.path("hostVersion").asString("?"))
              .with("callerVersion", component.version()));
    }
    if (type.equals(ServicesProblems.COMPONENT_NOT_HOSTED.uri())) {
      return new HttpException(
          ServicesProblems.COMPONENT_INCOMPATIBLE,
          "Calling " + where + ": " + detail + "; check keel-deploy.properties in both processes");
    }
    return fallback(status, where, "answered " + status + ": " + detail);
  }

  private static RuntimeException fallback(int status, String where, String what) {
    return switch (status) {
      case 503 -> unavailable(where, what);
      case 504 ->
          new HttpException(
              ServicesProblems.COMPONENT_DEADLINE_EXCEEDED, "Component " + where + " " + what);
      default ->
          new HttpException(
              ServicesProblems.COMPONENT_REMOTE_ERROR, "Component " + where + " " + what);
    };
  }

  static ServiceUnavailable unavailable(String where, String what) {
    return new ServiceUnavailable(
        ServicesProblems.COMPONENT_UNAVAILABLE,
        "Component "
            + where
            + " "
            + what
            + "; the process hosting it is down or restarting, retry shortly");
  }

  /** The same exception type as the host's, when the caller can make it. */
  private static RuntimeException rebuild(
      ComponentDescriptor<?> component, JsonNode problem, String exception, String detail) {
    String message = problem.path("message").asString(detail);
    var declared = component.exception(exception, message);
    if (declared.isPresent()) return HttpCalls.sneaky(declared.get());
    return switch (exception) {
      case "java.lang.IllegalArgumentException" -> new IllegalArgumentException(message);
      case "java.lang.IllegalStateException" -> new IllegalStateException(message);
      case "java.lang.UnsupportedOperationException" -> new UnsupportedOperationException(message);
      case "java.util.NoSuchElementException" -> new NoSuchElementException(message);
      case "java.lang.NullPointerException" -> new NullPointerException(message);
      case "java.lang.ArithmeticException" -> new ArithmeticException(message);
      case "java.lang.IndexOutOfBoundsException" -> new IndexOutOfBoundsException(message);
      default ->
          exception.startsWith("dev.keel.core.") && problem.has("status")
              ? http(exception, problem)
              : new RemoteException(component.name(), exception, message);
    };
  }

  /**
   * The host's Keel HTTP exception: its own class ({@code NotFound}, {@code Conflict}, …) when the
   * problem is a plain one ({@code about:blank}, as {@code new NotFound("...")} makes); otherwise
   * an {@link HttpException} with the host's problem (type, title, status, detail, extensions), so
   * the caller answers what the host answered. A problem of a typed {@code ProblemType} keeps the
   * base class: types are made only as constants (checks' ErrorCodesTest), and the problem is what
   * the response and {@code Problem.is} look at.
   */
  private static HttpException http(String exception, JsonNode node) {
    String type = node.path("type").asString("about:blank");
    String title = node.path("title").asString("Error");
    int status = node.path("status").asInt(500);
    String detail = node.path("detail").asString("");
    Map<String, Object> extensions = new LinkedHashMap<>();
    for (var e : node.properties()) {
      if (!List.of("type", "title", "status", "detail", "instance", "errors", "exception")
          .contains(e.getKey())) {
        extensions.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class));
      }
    }
    boolean plain =
        type.equals("about:blank") && extensions.isEmpty() && node.path("errors").isEmpty();
    if (plain) {
      HttpException same =
          switch (exception) {
            case "dev.keel.core.BadRequest" -> new BadRequest(detail);
            case "dev.keel.core.Unauthorized" -> new Unauthorized(detail);
            case "dev.keel.core.Forbidden" -> new Forbidden(detail);
            case "dev.keel.core.NotFound" -> new NotFound(detail);
            case "dev.keel.core.Conflict" -> new Conflict(detail);
            case "dev.keel.core.UnprocessableContent" -> new UnprocessableContent(detail);
            case "dev.keel.core.TooManyRequests" -> new TooManyRequests(detail);
            case "dev.keel.core.ServiceUnavailable" -> new ServiceUnavailable(detail);
            default -> null;
          };
      if (same != null && same.status() == status) return same;
    }
    return new HttpException(new Problem(type, title, status, detail, List.of(), extensions));
  }
}
