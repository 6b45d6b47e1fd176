package dev.keel.cli.internal.app.client;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff (longest common subsequence) summarised for a terminal: the changed lines with their
 * numbers, {@code -} for the old text and {@code +} for the new, at most {@code limit} of them.
 * Clients are a few hundred lines, so the quadratic table is small.
 */
final class LineDiff {
  private LineDiff() {}

  static String summary(String before, String after, int limit) {
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    var lines = new ArrayList<String>();
    int removed = 0;
    int added = 0;
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        i++;
        j++;
      } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
        lines.add(String.format("  %5d + %s", j + 1, b.get(j)));
        added++;
        j++;
      } else {
        lines.add(String.format("  %5d - %s", i + 1, a.get(i)));
        removed++;
        i++;
      }
    }
    var text = new StringBuilder();
    text.append("  ").append(removed).append(" line(s) removed, ").append(added).append(" added\n");
    lines.stream().limit(limit).forEach(l -> text.append(l).append('\n'));
    if (lines.size() > limit) text.append("  ... ").append(lines.size() - limit).append(" more\n");
    return text.toString();
  }
}
