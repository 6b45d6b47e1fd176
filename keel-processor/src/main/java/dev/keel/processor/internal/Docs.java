package dev.keel.processor.internal;

/** Javadoc text as OpenAPI {@code summary} (the first sentence) and {@code description}. */
final class Docs {
  private Docs() {}

  /** The comment without block tags ({@code @param}, {@code @return}) and paragraph markup. */
  static String text(String doc) {
    var b = new StringBuilder();
    for (String line : doc.strip().split("\n")) {
      String l = line.strip();
      if (l.startsWith("@")) break;
      b.append(l.replace("<p>", "")).append('\n');
    }
    return b.toString().replaceAll("\\{@(?:code|link|linkplain|literal) ([^}]*)}", "$1").strip();
  }

  static String summary(String doc) {
    String text = text(doc);
    int end = text.indexOf(". ");
    int para = text.indexOf("\n\n");
    if (para >= 0 && (end < 0 || para < end)) return text.substring(0, para).strip();
    if (end >= 0) return text.substring(0, end + 1).replace('\n', ' ').strip();
    return text.replace('\n', ' ').strip();
  }
}
