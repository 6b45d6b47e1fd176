import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws bench.sh's throughput results as one SVG chart, with no dependencies (JDK 25 source
 * launcher):
 *
 * <pre>
 *   java benchmarks/wrk/Chart.java results.tsv chart.svg [DATE] [COMMAND LINE]
 * </pre>
 *
 * <p>results.tsv holds lines {@code server <TAB> metric <TAB> rep <TAB> value}; only the {@code
 * rps_<test>} metrics are drawn. One group of horizontal bars per test, one bar per server that has
 * data for it: the bar is the server's median requests/s divided by Keel's median in the same test
 * (so tests of very different magnitude share one axis), the whisker spans min–max over the
 * repetitions, the label gives the absolute median. A test without Keel data is drawn relative to
 * its first server instead, and says so. The output depends only on the arguments (no clock, no
 * locale, fixed colours), so the same input gives the same bytes. Exits 3 without writing when the
 * file holds no throughput data.
 */
public final class Chart {
  /** The harness's servers in its table order, each with its fixed colour. */
  private static final Map<String, String> COLOURS = new LinkedHashMap<>();

  static {
    COLOURS.put("keel", "#2563eb");
    COLOURS.put("keel-vt", "#93c5fd");
    COLOURS.put("keel-aot", "#1e3a8a");
    COLOURS.put("keel-rx", "#0ea5e9");
    COLOURS.put("keel-rx-lent", "#67e8f9");
    COLOURS.put("netty", "#6b7280");
    COLOURS.put("vertx", "#7c3aed");
    COLOURS.put("javalin", "#f59e0b");
    COLOURS.put("spring", "#16a34a");
    COLOURS.put("helidon", "#dc2626");
  }

  /** Colours for servers the harness does not know (yet), handed out in order of appearance. */
  private static final String[] SPARE_COLOURS = {
    "#0891b2", "#db2777", "#65a30d", "#9a3412", "#4b5563", "#c026d3", "#0d9488", "#a16207"
  };

  /** bench.sh's test catalogue order; unknown tests follow in order of appearance. */
  private static final List<String> TEST_ORDER =
      List.of(
          "plain64", "plain256", "pipe256", "json64", "json256", "db64", "db256", "queries64",
          "queries256", "updates64", "updates256", "cached64", "cached256", "fortunes64",
          "fortunes256");

  private static final Map<String, String> TEST_NAMES =
      Map.of(
          "plain", "plaintext",
          "pipe", "plaintext, pipelined ×16",
          "json", "json",
          "db", "db",
          "queries", "queries (20)",
          "updates", "updates (20)",
          "cached", "cached-queries (20)",
          "fortunes", "fortunes");

  private static final Pattern TEST_ID = Pattern.compile("([A-Za-z_-]*?)([0-9]+)");

  // Layout, in px.
  private static final int WIDTH = 1000;
  private static final int MARGIN = 20;
  private static final int PLOT_LEFT = 130; // server names end left of it
  private static final int LABEL_SPACE = 190; // right of the longest bar or whisker
  private static final int BAR = 14;
  private static final int BAR_PITCH = 18;
  private static final int GROUP_HEADER = 22;
  private static final int GROUP_GAP = 12;
  private static final int LINE = 17;

  /** A white outline under text that may cross a grid line or Keel's dashed line. */
  private static final String HALO =
      "stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"";

  record Stats(double median, double min, double max, int n) {}

  record Bar(String server, Stats stats) {}

  record Group(String test, String title, String reference, List<Bar> bars) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 4) {
      System.err.println("usage: java Chart.java results.tsv out.svg [date] [command line]");
      System.exit(2);
    }
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String date = args.length > 2 ? args[2].strip() : "";
    String command = args.length > 3 ? args[3].strip() : "";
    if (!Files.isRegularFile(in)) {
      System.err.println("chart: no such file: " + in);
      System.exit(2);
    }
    List<Group> groups = groups(Files.readAllLines(in, StandardCharsets.UTF_8));
    if (groups.isEmpty()) {
      System.err.println("chart: no requests-per-second data (rps_* metrics) in " + in);
      System.exit(3);
    }
    Files.writeString(out, svg(groups, date, command), StandardCharsets.UTF_8);
  }

  /** The chart's groups: tests in catalogue order, servers in the harness's order, medians etc. */
  static List<Group> groups(List<String> lines) {
    // test -> server -> samples, both in order of first appearance
    Map<String, Map<String, List<Double>>> samples = new LinkedHashMap<>();
    Set<String> servers = new LinkedHashSet<>(COLOURS.keySet());
    for (String line : lines) {
      String[] f = line.split("\t", -1);
      if (f.length != 4 || !f[1].startsWith("rps_") || f[0].isBlank()) continue;
      double v;
      try {
        v = Double.parseDouble(f[3].strip());
      } catch (NumberFormatException e) {
        continue;
      }
      if (!Double.isFinite(v) || v < 0) continue;
      String server = f[0].strip();
      servers.add(server);
      samples
          .computeIfAbsent(f[1].substring(4), t -> new LinkedHashMap<>())
          .computeIfAbsent(server, s -> new ArrayList<>())
          .add(v);
    }
    List<String> tests = new ArrayList<>();
    for (String t : TEST_ORDER) if (samples.containsKey(t)) tests.add(t);
    for (String t : samples.keySet()) if (!tests.contains(t)) tests.add(t);

    List<Group> groups = new ArrayList<>();
    for (String test : tests) {
      Map<String, List<Double>> byServer = samples.get(test);
      List<Bar> bars = new ArrayList<>();
      for (String server : servers) {
        List<Double> values = byServer.get(server);
        if (values != null && !values.isEmpty()) bars.add(new Bar(server, stats(values)));
      }
      Bar ref =
          bars.stream()
              .filter(b -> b.server().equals("keel") && b.stats().median() > 0)
              .findFirst()
              .orElse(bars.stream().filter(b -> b.stats().median() > 0).findFirst().orElse(null));
      if (ref == null) continue; // only zeros: nothing to draw relative to
      groups.add(new Group(test, title(test), ref.server(), bars));
    }
    return groups;
  }

  /** Median as bench.sh computes it (mean of the two middle values for an even count). */
  static Stats stats(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    return new Stats(median, v[0], v[n - 1], n);
  }

  /** "json64" -> "json, 64 connections", as bench.sh's table titles. */
  static String title(String test) {
    Matcher m = TEST_ID.matcher(test);
    if (!m.matches()) return test;
    String name = TEST_NAMES.getOrDefault(m.group(1), m.group(1).isEmpty() ? test : m.group(1));
    return name + ", " + m.group(2) + " connections";
  }

  static String svg(List<Group> groups, String date, String command) {
    // Which servers appear at all (legend), and their colours.
    Set<String> present = new LinkedHashSet<>();
    for (Group g : groups) for (Bar b : g.bars()) present.add(b.server());
    Map<String, String> colour = new LinkedHashMap<>();
    int spare = 0;
    for (String s : present) {
      String c = COLOURS.get(s);
      colour.put(s, c != null ? c : SPARE_COLOURS[spare++ % SPARE_COLOURS.length]);
    }

    // Scale: 0 .. a round number above the longest bar or whisker.
    double maxRatio = 1;
    int maxReps = 1;
    for (Group g : groups) {
      double ref = refMedian(g);
      for (Bar b : g.bars()) {
        maxRatio = Math.max(maxRatio, b.stats().max() / ref);
        maxReps = Math.max(maxReps, b.stats().n());
      }
    }
    double step = tickStep(maxRatio);
    double axisMax = Math.ceil(maxRatio / step - 1e-9) * step;
    int plotRight = WIDTH - MARGIN - LABEL_SPACE;
    double perUnit = (plotRight - PLOT_LEFT) / axisMax;

    StringBuilder body = new StringBuilder();
    int y = MARGIN + 16;
    text(body, MARGIN, y, "start", "font-size=\"16\" font-weight=\"bold\"",
        "Keel against its peers: requests per second, relative to Keel");
    if (!date.isEmpty()) {
      y += LINE + 2;
      text(body, MARGIN, y, "start", "fill=\"#374151\"", "Run of " + date);
    }
    if (!command.isEmpty()) {
      for (String line : wrap("Command: " + command, 150)) {
        y += LINE;
        text(body, MARGIN, y, "start", "fill=\"#374151\"", line);
      }
    }
    y += LINE;
    String whiskers =
        maxReps == 1
            ? "No whiskers: one repetition."
            : "Whisker: min–max over the " + maxReps + " repetitions.";
    text(body, MARGIN, y, "start", "fill=\"#374151\"",
        "Bar: median req/s ÷ Keel's median in the same test (dashed line: Keel = 1.0). "
            + whiskers + " Label: median req/s (ratio).");

    // Legend, wrapped over as many rows as it needs.
    y += 12;
    int x = MARGIN;
    for (String s : present) {
      int w = 14 + 6 + textWidth(s) + 22;
      if (x + w > WIDTH - MARGIN && x > MARGIN) {
        x = MARGIN;
        y += LINE + 2;
      }
      body.append(String.format(Locale.ROOT,
          "<rect class=\"swatch\" x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>\n",
          x, y, colour.get(s)));
      text(body, x + 20, y + 11, "start", "", s);
      x += w;
    }
    y += 14 + 16;

    // Axis ticks on top; the plot follows.
    int plotTop = y + 8;
    int plotHeight = 0;
    for (Group g : groups) plotHeight += GROUP_HEADER + g.bars().size() * BAR_PITCH + GROUP_GAP;
    int plotBottom = plotTop + plotHeight - GROUP_GAP;
    StringBuilder grid = new StringBuilder();
    int ticks = (int) Math.round(axisMax / step);
    for (int i = 0; i <= ticks; i++) {
      double r = i * step;
      String px = num(PLOT_LEFT + r * perUnit);
      String label = ratio(r);
      boolean one = Math.abs(r - 1) < 1e-9;
      if (!one) {
        grid.append("<line x1=\"").append(px).append("\" y1=\"").append(plotTop)
            .append("\" x2=\"").append(px).append("\" y2=\"").append(plotBottom)
            .append("\" stroke=\"#e5e7eb\"/>\n");
      }
      text(grid, PLOT_LEFT + r * perUnit, plotTop - 4, "middle", "fill=\"#4b5563\"", label);
      text(grid, PLOT_LEFT + r * perUnit, plotBottom + 14, "middle", "fill=\"#4b5563\"", label);
    }
    body.append(grid);

    StringBuilder labels = new StringBuilder(); // drawn last, over Keel's dashed line
    y = plotTop;
    for (Group g : groups) {
      double ref = refMedian(g);
      String heading = g.title();
      if (!g.reference().equals("keel")) heading += " (no Keel data: relative to " + g.reference() + ")";
      text(labels, MARGIN, y + 15, "start", "font-weight=\"bold\" " + HALO, heading);
      y += GROUP_HEADER;
      for (Bar b : g.bars()) {
        Stats st = b.stats();
        double r = st.median() / ref;
        double w = Math.max(1, r * perUnit);
        int mid = y + BAR / 2;
        text(body, PLOT_LEFT - 8, y + 11, "end", "", b.server());
        body.append("<rect class=\"bar\" x=\"").append(PLOT_LEFT).append("\" y=\"").append(y)
            .append("\" width=\"").append(num(w)).append("\" height=\"").append(BAR)
            .append("\" fill=\"").append(colour.get(b.server())).append("\"><title>")
            .append(esc(b.server() + ", " + g.title() + ": median " + reqs(st.median()) + " req/s, min "
                + reqs(st.min()) + ", max " + reqs(st.max()) + ", " + st.n() + " run(s)"))
            .append("</title></rect>\n");
        double end = PLOT_LEFT + w;
        if (st.max() > st.min()) {
          double x1 = PLOT_LEFT + st.min() / ref * perUnit;
          double x2 = PLOT_LEFT + st.max() / ref * perUnit;
          String d =
              "M" + num(x1) + " " + mid + " H" + num(x2) + " M" + num(x1) + " " + (mid - 4) + " V"
                  + (mid + 4) + " M" + num(x2) + " " + (mid - 4) + " V" + (mid + 4);
          // a light outline first, so that the whisker shows on dark bars too
          body.append("<path class=\"whisker\" d=\"").append(d)
              .append("\" stroke=\"#ffffff\" stroke-opacity=\"0.8\" stroke-width=\"3.2\" fill=\"none\"/>\n");
          body.append("<path class=\"whisker\" d=\"").append(d)
              .append("\" stroke=\"#111827\" stroke-width=\"1.2\" fill=\"none\"/>\n");
          end = Math.max(end, x2);
        }
        text(labels, end + 6, y + 11, "start", "fill=\"#111827\" " + HALO,
            reqs(st.median()) + " req/s (" + ratio2(r) + ")");
        y += BAR_PITCH;
      }
      y += GROUP_GAP;
    }
    // Keel's line on top of the bars.
    String one = num(PLOT_LEFT + perUnit);
    body.append("<line x1=\"").append(one).append("\" y1=\"").append(plotTop).append("\" x2=\"")
        .append(one).append("\" y2=\"").append(plotBottom)
        .append("\" stroke=\"#111827\" stroke-dasharray=\"5 4\"/>\n");
    body.append("<line x1=\"").append(PLOT_LEFT).append("\" y1=\"").append(plotTop)
        .append("\" x2=\"").append(PLOT_LEFT).append("\" y2=\"").append(plotBottom)
        .append("\" stroke=\"#9ca3af\"/>\n");
    body.append(labels);

    int height = plotBottom + 14 + MARGIN;
    StringBuilder svg = new StringBuilder();
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(height).append("\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n");
    svg.append("<title>").append(esc("Keel against its peers" + (date.isEmpty() ? "" : ", " + date)))
        .append("</title>\n");
    svg.append("<rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    svg.append(body);
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static double refMedian(Group g) {
    for (Bar b : g.bars()) if (b.server().equals(g.reference())) return b.stats().median();
    throw new IllegalStateException("no reference in " + g.test());
  }

  /** A tick step giving at most 8 intervals: 0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, ... */
  static double tickStep(double max) {
    double[] bases = {1, 2, 2.5, 5};
    for (double scale = 0.1; ; scale *= 10) {
      for (double b : bases) if (max / (b * scale) <= 8) return b * scale;
    }
  }

  private static void text(StringBuilder sb, double x, double y, String anchor, String attrs, String s) {
    sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
    if (!anchor.equals("start")) sb.append(" text-anchor=\"").append(anchor).append('"');
    if (!attrs.isEmpty()) sb.append(' ').append(attrs);
    sb.append('>').append(esc(s)).append("</text>\n");
  }

  /** Rough width of 12px sans-serif text, for laying out the legend. */
  private static int textWidth(String s) {
    return (int) Math.ceil(s.length() * 7.0);
  }

  /** Breaks s at spaces into lines of at most max characters (longer words stay whole). */
  static List<String> wrap(String s, int max) {
    List<String> lines = new ArrayList<>();
    String line = "";
    for (String word : s.split(" ")) {
      if (word.isEmpty()) continue;
      if (!line.isBlank() && line.length() + 1 + word.length() > max) {
        lines.add(line);
        line = "    "; // continuation lines are indented
      }
      line = line.isBlank() ? line + word : line + " " + word;
    }
    if (!line.isBlank()) lines.add(line);
    return lines;
  }

  static String num(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  private static String reqs(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String ratio(double r) {
    String s = String.format(Locale.ROOT, "%.2f", r);
    s = s.replaceAll("0+$", "");
    return (s.endsWith(".") ? s + "0" : s) + "×";
  }

  private static String ratio2(double r) {
    return String.format(Locale.ROOT, "%.2f×", r);
  }

  /** XML text and attribute escaping; drops characters XML 1.0 cannot hold. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                  boolean ok =
                      c == 0x9 || c == 0xA || c == 0xD
                          || (c >= 0x20 && c <= 0xD7FF)
                          || (c >= 0xE000 && c <= 0xFFFD)
                          || c >= 0x10000;
                  if (ok) sb.appendCodePoint(c);
                }
              }
            });
    return sb.toString();
  }
}
