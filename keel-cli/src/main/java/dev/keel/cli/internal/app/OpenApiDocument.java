package dev.keel.cli.internal.app;

import dev.keel.core.Keel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code keel openapi}: the document of the app's keel-openapi plugin, to a file. */
final class OpenApiDocument {
  private OpenApiDocument() {}

  static int write(Keel app, Path file, PrintStream out) {
    dev.keel.openapi.OpenApi openApi;
    try {
      openApi =
          app.plugin(dev.keel.openapi.OpenApi.class)
              .orElseThrow(
                  () ->
                      new AppMain.AppCommandException(
                          "the app does not install keel-openapi: add"
                              + " .install(OpenApi.create()) to its app(args)",
                          1));
    } catch (NoClassDefFoundError e) {
      throw new AppMain.AppCommandException(
          "keel-openapi is not on the app's class path: add the dependency dev.keel:keel-openapi"
              + " to its pom.xml and .install(OpenApi.create()) to its app(args)",
          1);
    }
    try {
      if (file.getParent() != null) Files.createDirectories(file.getParent());
      Files.write(file, openApi.json());
    } catch (IOException e) {
      throw new AppMain.AppCommandException("cannot write " + file + ": " + e.getMessage(), 1);
    }
    out.println("keel: wrote the OpenAPI document to " + file);
    return 0;
  }
}
