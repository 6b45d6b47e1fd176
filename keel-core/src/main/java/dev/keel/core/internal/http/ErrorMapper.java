package dev.keel.core.internal.http;

import dev.keel.core.HttpException;
import dev.keel.core.Problem;
import dev.keel.core.ProblemTypes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps exceptions to problems: {@link HttpException}s carry their own, user-registered mappings
 * come next (the most specific exception class wins), everything else is a 500 whose error id is
 * logged with the stack trace and sent to the client without it.
 */
public final class ErrorMapper {
  private static final Logger log = LoggerFactory.getLogger("dev.keel.core.errors");

  private final Map<Class<? extends Throwable>, Function<Throwable, Problem>> mappings;

  public ErrorMapper(Map<Class<? extends Throwable>, Function<Throwable, Problem>> mappings) {
    this.mappings = new LinkedHashMap<>(mappings);
  }

  public Problem toProblem(Exchange ex, Throwable error) {
    if (error instanceof HttpException http) {
      return http.problem();
    }
    for (Class<?> c = error.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      Function<Throwable, Problem> mapping = mappings.get(c);
      if (mapping != null) {
        try {
          return mapping.apply(error);
        } catch (RuntimeException mappingFailure) {
          error.addSuppressed(mappingFailure);
          break;
        }
      }
    }
    String errorId = RequestIds.next();
    log.error(
        "Unhandled exception, error id {}, request id {}: {} {} (route {})",
        errorId,
        ex.requestId(),
        ex.method(),
        ex.path(),
        ex.routeTemplate().isEmpty() ? "none" : ex.routeTemplate(),
        error);
    return Problem.of(
            ProblemTypes.INTERNAL,
            "The server failed to handle this request. Quote error id "
                + errorId
                + " when reporting it.")
        .with("errorId", errorId);
  }
}
