package dev.keel.db.internal;

import dev.keel.db.StrictLoadingException;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts statements by SQL text within one request, transaction or strict block; the same statement
 * run more than {@code threshold} times is the N+1 pattern (a query in a loop over rows) and fails.
 */
final class StrictScope {
  private final int threshold;
  private final Map<String, Integer> counts = new HashMap<>();
  int depth = 1;

  StrictScope(int threshold) {
    this.threshold = threshold;
  }

  void record(String sql) {
    int n = counts.merge(sql, 1, Integer::sum);
    if (n > threshold) {
      throw new StrictLoadingException(
          "strict loading: this statement ran "
              + n
              + " times in one request/transaction, which is a query inside a loop over rows"
              + " (N+1): "
              + sql
              + " — load the rows for all parents in one query instead, e.g."
              + " repository.findAllBy(\"parent_id\", parentIds) or \"... where parent_id in"
              + " (:ids)\"; or raise keel.db.strict-loading-threshold (now "
              + threshold
              + ")");
    }
  }
}
