package dev.keel.core;

/** Code run before or after every handler ({@link Keel#before}, {@link Keel#after}). */
@FunctionalInterface
public interface Hook {
  void run(Context ctx) throws Exception;
}
