package dev.keel.core.internal.router;

/**
 * Two routes that cannot live in one router: a duplicate, or differently named parameters at a
 * shared position. The message names both routes by description.
 */
public final class RouteConflictException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public RouteConflictException(String message) {
    super(message);
  }
}
