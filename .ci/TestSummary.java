import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Adds up the Surefire reports of every module written since the given time and prints one closing
 * line, "keel: N passed, N failed, N skipped", after one line per distinct reason a test was
 * skipped for (a test that skips itself says how to run it, e.g. the RealWorld suite). Run by
 * ./keel test with the JDK's source launcher. Exits 1 when a test failed or when no test ran at all.
 */
public final class TestSummary {
  private static final Pattern SUITE =
      Pattern.compile("<testsuite\\b[^>]*>", Pattern.DOTALL);
  private static final Pattern SKIPPED =
      Pattern.compile(
          "<testcase\\b[^>]*\\sclassname=\"([^\"]*)\"[^>]*>\\s*<skipped\\b([^>]*?)(?:/>|>(.*?)</skipped>)",
          Pattern.DOTALL);

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    long since = args.length > 1 ? Long.parseLong(args[1]) : 0;
    long tests = 0, failed = 0, skipped = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path report : files.filter(p -> isReport(p, since)).toList()) {
        Matcher suite = SUITE.matcher(Files.readString(report));
        if (!suite.find()) continue;
        String tag = suite.group();
        tests += count(tag, "tests");
        failed += count(tag, "failures") + count(tag, "errors");
        skipped += count(tag, "skipped");
        Matcher skip = SKIPPED.matcher(Files.readString(report));
        while (skip.find()) {
          String why = reason(skip.group(2), skip.group(3));
          String test = skip.group(1).substring(skip.group(1).lastIndexOf('.') + 1);
          reasons.merge(test + (why.isEmpty() ? "" : ": " + why), 1, Integer::sum);
        }
      }
    }
    reasons.forEach(
        (why, n) -> System.out.println("keel: skipped " + n + " test(s) of " + why));
    long passed = tests - failed - skipped;
    System.out.println("keel: " + passed + " passed, " + failed + " failed, " + skipped + " skipped");
    if (failed > 0 || tests == 0) System.exit(1);
  }

  private static boolean isReport(Path p, long since) {
    String name = p.getFileName().toString();
    try {
      return p.getParent().endsWith(Path.of("target", "surefire-reports"))
          && name.startsWith("TEST-") && name.endsWith(".xml")
          && Files.getLastModifiedTime(p).toMillis() >= since;
    } catch (IOException e) {
      return false;
    }
  }

  /** The skip's message attribute, else the first line of its body without the exception name. */
  private static String reason(String attributes, String body) {
    Matcher m = Pattern.compile("\\smessage=\"([^\"]*)\"").matcher(attributes);
    String text = m.find() ? m.group(1) : body == null ? "" : body;
    text = text.replace("<![CDATA[", "").strip().lines().findFirst().orElse("");
    text = text.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
    return text.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&apos;", "'").replace("&amp;", "&");
  }

  private static long count(String tag, String attribute) {
    Matcher m = Pattern.compile("\\s" + attribute + "=\"(\\d+)\"").matcher(tag);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }
}
