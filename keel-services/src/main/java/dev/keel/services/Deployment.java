package dev.keel.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The layouts of an application: which components run together in which process. Read from {@code
 * keel-deploy.properties}, one line per process and setting:
 *
 * <pre>{@code
 * layout.split.app.components = Articles, Comments
 * layout.split.app.url = http://127.0.0.1:8080
 * layout.split.users.components = Users
 * layout.split.users.url = http://users.internal:8080
 * }</pre>
 *
 * <p>The layout {@value #SINGLE} always exists and needs no lines: every component in one process,
 * every call a plain method call. A process's {@code url} is where the other processes reach it
 * (configuration or DNS, no registry of Keel's own).
 *
 * @param layouts the layouts by name, {@value #SINGLE} included
 */
public record Deployment(Map<String, Layout> layouts) {
  /** The name of the layout with every component in one process. */
  public static final String SINGLE = "single";

  /** The file read by {@link #load()} from the class path. */
  public static final String FILE = "keel-deploy.properties";

  /** One process of a layout: its name, where it is reached and the components it hosts. */
  public record Process(String name, URI url, List<String> components) {
    public Process {
      components = List.copyOf(components);
    }
  }

  /** A named grouping of components into processes. */
  public record Layout(String name, List<Process> processes) {
    public Layout {
      processes = List.copyOf(processes);
    }

    /** The process {@code name}, if the layout has it. */
    public Optional<Process> process(String name) {
      return processes.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The process hosting {@code component}, if any. */
    public Optional<Process> host(String component) {
      return processes.stream().filter(p -> p.components().contains(component)).findFirst();
    }
  }

  public Deployment {
    layouts = Map.copyOf(layouts);
  }

  /** The layout {@code name}, or an exception listing the layouts there are. */
  public Layout layout(String name) {
    Layout layout = layouts.get(name);
    if (layout == null) {
      throw new IllegalArgumentException(
          "layout '"
              + name
              + "' is not in "
              + FILE
              + " (layouts: "
              + new TreeSet<>(layouts.keySet())
              + "); add lines layout."
              + name
              + ".<process>.components and .url");
    }
    return layout;
  }

  /** {@value #FILE} from the class path, or only the layout {@value #SINGLE} when there is none. */
  public static Deployment load() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(FILE)) {
      if (in == null) return parse("", FILE);
      var properties = new Properties();
      properties.load(in);
      return parse(properties, FILE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + FILE + " from the class path", e);
    }
  }

  /** Parses the text of a deployment file; {@code origin} names it in errors. */
  public static Deployment parse(String text, String origin) {
    var properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parse(properties, origin);
  }

  private static Deployment parse(Properties properties, String origin) {
    // layout -> process -> (components, url), in the file's key order (sorted: Properties has none)
    Map<String, Map<String, String[]>> found = new LinkedHashMap<>();
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      String[] parts = key.split("\\.");
      if (parts.length != 4 || !parts[0].equals("layout")) {
        throw new IllegalArgumentException(
            origin
                + ": key '"
                + key
                + "' (expected: layout.<layout>.<process>.components or .url)");
      }
      if (parts[1].equals(SINGLE)) {
        throw new IllegalArgumentException(
            origin + ": key '" + key + "': the layout 'single' is built in and takes no settings");
      }
      String[] settings =
          found
              .computeIfAbsent(parts[1], l -> new LinkedHashMap<>())
              .computeIfAbsent(parts[2], p -> new String[2]);
      String value = properties.getProperty(key).strip();
      switch (parts[3]) {
        case "components" -> settings[0] = value;
        case "url" -> settings[1] = value;
        default ->
            throw new IllegalArgumentException(
                origin + ": key '" + key + "' (expected: the setting 'components' or 'url')");
      }
    }
    Map<String, Layout> layouts = new LinkedHashMap<>();
    layouts.put(SINGLE, new Layout(SINGLE, List.of()));
    found.forEach(
        (layout, processes) -> {
          var list = new ArrayList<Process>();
          processes.forEach(
              (process, settings) -> list.add(process(origin, layout, process, settings)));
          layouts.put(layout, new Layout(layout, list));
        });
    return new Deployment(layouts);
  }

  private static Process process(String origin, String layout, String name, String[] settings) {
    String prefix = origin + ": layout." + layout + "." + name;
    if (settings[0] == null) { // empty is fine: a process that only calls others
      throw new IllegalArgumentException(prefix + ".components is missing (e.g. = Users, Orders)");
    }
    if (settings[1] == null) {
      throw new IllegalArgumentException(prefix + ".url is missing (e.g. = http://127.0.0.1:8081)");
    }
    URI url;
    try {
      url = URI.create(settings[1]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          prefix + ".url: '" + settings[1] + "' (expected: http://host:port or https://host:port)",
          e);
    }
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())
        || url.getHost() == null) {
      throw new IllegalArgumentException(
          prefix + ".url: '" + settings[1] + "' (expected: http://host:port or https://host:port)");
    }
    List<String> components =
        Arrays.stream(settings[0].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    return new Process(name, url, components);
  }
}
