package dev.keel.ai.rag.internal;

import dev.keel.ai.rag.DocumentFormat;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** The plain text of a document, paragraphs separated by blank lines. */
public final class TextExtractor {
  private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
  private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|`|~~)");
  private static final Pattern STAR =
      Pattern.compile("(?<![\\w*])\\*(?=\\S)|(?<=\\S)\\*(?![\\w*])");
  private static final Pattern BLOCK_PREFIX =
      Pattern.compile("^\\s{0,3}(#{1,6}\\s+|>\\s?|[-*+]\\s+|\\d{1,9}[.)]\\s+)");

  private TextExtractor() {}

  public static String text(DocumentFormat format, String content) {
    String text =
        switch (format) {
          case TEXT -> content;
          case MARKDOWN -> markdown(content);
          case HTML -> html(content);
        };
    return text.replace("\r\n", "\n")
        .replaceAll("[ \\t\\x0B\\f]+", " ")
        .replaceAll(" *\\n *", "\n")
        .replaceAll("\\n{3,}", "\n\n")
        .strip();
  }

  private static String markdown(String content) {
    StringBuilder out = new StringBuilder(content.length());
    boolean fenced = false;
    for (String line : content.replace("\r\n", "\n").split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
        fenced = !fenced;
        out.append('\n');
        continue;
      }
      if (fenced) {
        out.append(line).append('\n');
        continue;
      }
      if (trimmed.matches("[-=*_]{3,}")) { // setext underline or thematic break
        out.append('\n');
        continue;
      }
      String l = line;
      // a heading or list item ends the paragraph before it
      if (trimmed.startsWith("#")) out.append('\n');
      for (String prev = null; !l.equals(prev); ) {
        prev = l;
        l = BLOCK_PREFIX.matcher(l).replaceFirst("");
      }
      l = IMAGE.matcher(l).replaceAll("$1");
      l = LINK.matcher(l).replaceAll("$1");
      l = EMPHASIS.matcher(l).replaceAll("");
      l = STAR.matcher(l).replaceAll("");
      out.append(l).append('\n');
      if (trimmed.startsWith("#")) out.append('\n');
    }
    return out.toString();
  }

  private static String html(String content) {
    var doc = Jsoup.parse(content);
    doc.select("script, style, noscript, template, nav, svg, head").remove();
    StringBuilder out = new StringBuilder(content.length() / 2);
    Element root = doc.body();
    root.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              out.append(t.getWholeText().replaceAll("\\s+", " "));
            } else if (node instanceof Element e) {
              if (e.normalName().equals("br")) out.append('\n');
              else if (e.isBlock()) out.append("\n\n");
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && e.isBlock() && !e.normalName().equals("br")) {
              out.append("\n\n");
            }
          }
        });
    return out.toString();
  }
}
