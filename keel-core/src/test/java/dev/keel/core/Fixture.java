package dev.keel.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Temp directories standing in for the working directory and the classpath. */
final class Fixture {

  private Fixture() {}

  static Path write(Path dir, String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A class loader that sees only {@code dir}, so the test classpath cannot leak in. */
  static URLClassLoader classpath(Path dir) {
    try {
      return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Config from environment variables only. */
  static Config env(Map<String, String> environment) {
    return Config.builder().environment(environment).build();
  }

  static Config env(String name, String value) {
    return env(Map.of(name, value));
  }
}
