package dev.keel.cli.internal.generate;

import com.google.googlejavaformat.java.Formatter;
import com.google.googlejavaformat.java.FormatterException;

/**
 * google-java-format, the formatter Keel's own build uses: generated sources come out as {@code
 * ./keel format} would leave them, imports sorted and unused ones removed.
 */
final class JavaFormatter {
  private static final Formatter FORMATTER = new Formatter();

  private JavaFormatter() {}

  static String format(String source) {
    try {
      return FORMATTER.formatSourceAndFixImports(source);
    } catch (FormatterException e) {
      // the generators' own output: a bug here, not the user's mistake
      throw new IllegalStateException(
          "generated source does not parse: " + e.getMessage() + "\n" + source, e);
    }
  }
}
