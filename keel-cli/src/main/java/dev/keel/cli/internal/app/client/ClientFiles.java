package dev.keel.cli.internal.app.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code keel client}'s work inside the app's JVM: reads every {@code
 * META-INF/keel/client/model.json} on the class path (the app's and its libraries'), generates the
 * client, then writes it or, with {@code check}, compares it with the files in the output folder
 * and prints what drifted.
 *
 * <p>Arguments: {@code LANGUAGE OUT write|check CLIENT-NAME PACKAGE} (the last two may be empty).
 */
public final class ClientFiles {
  static final String MODEL = "META-INF/keel/client/model.json";
  private static final int MODEL_VERSION = 1;

  private ClientFiles() {}

  public static int run(String mainClass, String[] args, PrintStream out) {
    String language = args[0];
    Path dir = Path.of(args[1]);
    boolean check = args[2].equals("check");
    String simple = mainClass.substring(mainClass.lastIndexOf('.') + 1);
    String name =
        args[3].isEmpty() ? simple.replaceFirst("(App|Application|Main)$", "") + "Client" : args[3];
    String pkg =
        args[4].isEmpty()
            ? mainClass.contains(".") ? mainClass.substring(0, mainClass.lastIndexOf('.')) : ""
            : args[4];
    ObjectNode model = model(ClientFiles.class.getClassLoader());
    if (model == null) {
      System.err.println(
          "keel: no "
              + MODEL
              + " on the app's class path: the app has no @Controller, or it was compiled without"
              + " keel-processor (add it to the compiler's annotationProcessorPaths)");
      return 1;
    }
    Map<String, String> files =
        switch (language) {
          case "java" ->
              Map.of(JavaClient.path(pkg, name), new JavaClient(model, pkg, name).write());
          default -> Map.of(name + ".ts", new TypeScriptClient(model, name).write());
        };
    return check ? check(dir, files, language, out) : write(dir, files, out);
  }

  /** The merged model of every jar and folder on the class path; null when there is none. */
  static ObjectNode model(ClassLoader loader) {
    JsonMapper json = JsonMapper.builder().build();
    ObjectNode merged = null;
    try {
      for (URL url : Collections.list(loader.getResources(MODEL))) {
        JsonNode one;
        try (InputStream in = url.openStream()) {
          one = json.readTree(in);
        }
        if (one.path("version").asInt() != MODEL_VERSION) {
          throw new IllegalStateException(
              url
                  + " has client model version "
                  + one.path("version").asInt()
                  + ", this keel command reads version "
                  + MODEL_VERSION
                  + ": build the app with the keel-processor of the same Keel version");
        }
        if (merged == null) {
          merged = (ObjectNode) one;
        } else {
          ((ArrayNode) merged.get("controllers")).addAll((ArrayNode) one.get("controllers"));
          ((ObjectNode) merged.get("schemas")).setAll((ObjectNode) one.get("schemas"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return merged;
  }

  private static int write(Path dir, Map<String, String> files, PrintStream out) {
    try {
      for (var f : files.entrySet()) {
        Path file = dir.resolve(f.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
        out.println("wrote " + file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return 0;
  }

  private static int check(Path dir, Map<String, String> files, String language, PrintStream out) {
    int drifted = 0;
    for (var f : files.entrySet()) {
      Path file = dir.resolve(f.getKey());
      String committed;
      try {
        committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (committed == null) {
        System.err.println("keel: client drift: " + file + " is missing");
        drifted++;
      } else if (!committed.equals(f.getValue())) {
        System.err.println(
            "keel: client drift: "
                + file
                + " no longer matches the server's routes and records:\n"
                + LineDiff.summary(committed, f.getValue(), 40));
        drifted++;
      } else {
        out.println("up to date: " + file);
      }
    }
    if (drifted > 0) {
      System.err.println(
          "keel: regenerate with 'keel client "
              + language
              + " --out "
              + dir
              + "' and commit the result (lines with - are the committed client's, + the"
              + " server's)");
      return 1;
    }
    return 0;
  }
}
