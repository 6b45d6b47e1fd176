package dev.keel.cli.internal.newproject;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few rules of keel new's templates: {@code {{name}}} is a value, and {@code
 * {{#flag}}...{{/flag}}} keeps its text only when the flag is on, {@code {{^flag}}...{{/flag}}}
 * only when it is off (on lines of their own, the marker lines go too). Nothing else is special, so
 * Maven's {@code ${...}}, Flyway's and GitHub's {@code ${{ ... }}} pass through.
 */
final class TemplateText {
  private static final Pattern BLOCK_LINES =
      Pattern.compile(
          "(?ms)^[ \\t]*\\{\\{([#^])(\\w+)}}[ \\t]*\\n(.*?)^[ \\t]*\\{\\{/\\2}}[ \\t]*\\n");
  private static final Pattern BLOCK_INLINE =
      Pattern.compile("(?s)\\{\\{([#^])(\\w+)}}(.*?)\\{\\{/\\2}}");
  private static final Pattern VALUE = Pattern.compile("\\{\\{(\\w+)}}");

  private TemplateText() {}

  /**
   * {@code text} with its blocks kept or dropped and its values filled in.
   *
   * @throws IllegalArgumentException naming a value that {@code values} lacks (a template's typo)
   */
  static String render(String text, Map<String, String> values, Set<String> flags) {
    String kept = blocks(blocks(text, BLOCK_LINES, flags), BLOCK_INLINE, flags);
    Matcher m = VALUE.matcher(kept);
    var out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) throw new IllegalArgumentException("no value for {{" + m.group(1) + "}}");
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String blocks(String text, Pattern block, Set<String> flags) {
    return block
        .matcher(text)
        .replaceAll(
            r -> {
              boolean keep = flags.contains(r.group(2)) == r.group(1).equals("#");
              return Matcher.quoteReplacement(keep ? r.group(3) : "");
            });
  }
}
