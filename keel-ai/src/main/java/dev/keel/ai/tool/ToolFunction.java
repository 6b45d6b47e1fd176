package dev.keel.ai.tool;

/**
 * The code behind a {@link Tool}: usually a method reference to the application's own code, such as
 * {@code orders::status}. Its result is sent to the model as JSON (a {@code String} as is).
 *
 * @param <A> the record the model's arguments are read into
 */
@FunctionalInterface
public interface ToolFunction<A> {
  Object call(A arguments) throws Exception;
}
