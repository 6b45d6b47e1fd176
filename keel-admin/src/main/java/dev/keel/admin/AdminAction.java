package dev.keel.admin;

import dev.keel.core.Context;
import java.util.List;

/**
 * A bulk action of the list page, registered with {@link ModelOptions#action}: it gets the rows the
 * user ticked (loaded in one query) and runs in the transaction that also writes their audit
 * entries, so a throw undoes both.
 *
 * @param <T> the model's record type
 */
@FunctionalInterface
public interface AdminAction<T extends Record> {
  /** Does the action on {@code rows}; an {@link IllegalArgumentException}'s message is shown. */
  void run(List<T> rows, Context ctx);
}
