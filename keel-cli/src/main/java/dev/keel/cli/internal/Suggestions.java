package dev.keel.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;

/**
 * "Did you mean", by edit distance as git does it. Picocli's own suggestions compare letter pairs:
 * they miss a swapped pair in a short word ({@code rnu} shares no pair with {@code run}) and offer
 * three unrelated commands for a word near none; a swap here counts as one edit, and a word near
 * nothing gets no guess.
 */
final class Suggestions {
  private Suggestions() {}

  /** Prints the commands or options nearest to the unmatched word; whether there were any. */
  static boolean print(CommandLine.ParameterException e, PrintWriter err) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return false;
    }
    String word = unmatched.getUnmatched().getFirst();
    var spec = e.getCommandLine().getCommandSpec();
    var names = new ArrayList<String>();
    if (word.startsWith("-")) {
      spec.options().forEach(o -> names.addAll(List.of(o.names())));
    } else {
      names.addAll(spec.subcommands().keySet());
    }
    List<String> nearest = nearest(word, names);
    if (nearest.isEmpty()) return false;
    err.println("Did you mean: " + String.join(" or ", nearest) + "?");
    return true;
  }

  /** The names at the smallest distance from {@code word}, if it is at most a third of it. */
  static List<String> nearest(String word, List<String> names) {
    int limit = Math.max(1, word.length() / 3);
    int best =
        names.stream().mapToInt(n -> distance(word, n)).filter(d -> d <= limit).min().orElse(-1);
    if (best < 0) return List.of();
    return names.stream()
        .filter(n -> distance(word, n) == best)
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
