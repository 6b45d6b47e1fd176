package dev.keel.cli.internal.generate;

import dev.keel.cli.internal.UsageException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registers a controller in the project's {@code App.java}: one line {@code new
 * PostController(db),} at the start of its single {@code .controllers(} call, and the import.
 */
public final class AppRegistration {
  private static final Pattern CALL = Pattern.compile("\\.controllers\\(");

  /** What each variable a generated controller takes is, and how to make it. */
  private static final Map<String, String> HINTS =
      Map.of(
          "db",
          "the keel-db Database, e.g. var db = Database.create(); installed with .install(db)",
          "views",
          "keel-views' templates, e.g. var views = Views.create(); installed with .install(views)",
          "sessions",
          "keel-security's browser sessions, e.g. var sessions = Sessions.from(config, new"
              + " MemorySessionStore()); installed with"
              + " .install(Security.builder().sessions(sessions).build())");

  private AppRegistration() {}

  /**
   * The source with {@code construction} (e.g. {@code new PostController(db)}) added; unchanged
   * when it is there already.
   *
   * @throws UsageException when there is not exactly one {@code .controllers(} call
   */
  public static String register(
      String source, String file, String importName, String construction) {
    Matcher m = CALL.matcher(source);
    if (!m.find()) {
      throw new UsageException(
          file
              + " has no .controllers( call to add "
              + construction
              + " to; call .controllers("
              + construction
              + ") on the Keel that app(...) builds");
    }
    int open = m.end();
    if (m.find()) {
      throw new UsageException(
          file
              + " has more than one .controllers( call; keep one (with every controller as an"
              + " argument) so that generators know where to add "
              + construction);
    }
    for (String needed : List.of("db", "views", "sessions")) {
      if (Pattern.compile("[(, ]" + needed + "[,)]").matcher(construction).find()
          && !Pattern.compile("\\b" + needed + "\\b").matcher(source).find()) {
        throw new UsageException(
            file
                + " has no variable "
                + needed
                + "; "
                + construction
                + " needs "
                + HINTS.get(needed));
      }
    }
    String simpleName = importName.substring(importName.lastIndexOf('.') + 1);
    boolean registered = Pattern.compile("new\\s+" + simpleName + "\\s*\\(").matcher(source).find();
    String out = registered ? source : insertArgument(source, open, construction);
    return withImport(out, importName);
  }

  /**
   * Adds the argument as the call's first, on a line of its own indented like the next argument (or
   * four spaces deeper than the call's line when the arguments start on that line).
   */
  private static String insertArgument(String source, int open, String construction) {
    String rest = source.substring(open);
    boolean empty = rest.stripLeading().startsWith(")");
    int lineStart = source.lastIndexOf('\n', open) + 1;
    String callIndent = source.substring(lineStart).replaceAll("(?s)^([ \t]*).*", "$1");
    Matcher next = Pattern.compile("^[ \t]*\\r?\\n([ \t]*)").matcher(rest);
    String indent = next.find() && !empty ? next.group(1) : callIndent + "    ";
    String argument = "\n" + indent + construction + (empty ? "" : ",");
    if (empty) return source.substring(0, open) + argument + rest.stripLeading();
    if (next.find(0)) return source.substring(0, open) + argument + rest;
    return source.substring(0, open) + argument + "\n" + indent + rest.stripLeading();
  }

  /** Adds {@code import name;} in sorted place among the other imports. */
  static String withImport(String source, String name) {
    if (source.contains("import " + name + ";")) return source;
    Matcher imports = Pattern.compile("(?m)^import (?!static )([\\w.]+);\\r?\\n").matcher(source);
    int at = -1;
    int afterLast = -1;
    while (imports.find()) {
      afterLast = imports.end();
      if (at < 0 && imports.group(1).compareTo(name) > 0) at = imports.start();
    }
    if (at < 0) at = afterLast;
    String line = "import " + name + ";\n";
    if (at < 0) {
      Matcher pkg = Pattern.compile("(?m)^package [^;]+;\\r?\\n").matcher(source);
      if (!pkg.find()) return line + "\n" + source;
      return source.substring(0, pkg.end()) + "\n" + line + source.substring(pkg.end());
    }
    return source.substring(0, at) + line + source.substring(at);
  }
}
