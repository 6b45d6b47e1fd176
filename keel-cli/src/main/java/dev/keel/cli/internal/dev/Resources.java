package dev.keel.cli.internal.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** {@code src/main/resources} mirrored into the dev classes folder, as Maven copies it. */
final class Resources {
  private Resources() {}

  /** Copies every resource; returns how many. */
  static int copyAll(Path from, Path to) {
    if (!Files.isDirectory(from)) return 0;
    try (Stream<Path> walk = Files.walk(from)) {
      int n = 0;
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        copy(from, to, f);
        n++;
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies {@code file} (under {@code from}) to its place under {@code to}, or removes it there.
   */
  static void copy(Path from, Path to, Path file) {
    Path target = to.resolve(from.relativize(file).toString());
    try {
      if (Files.isRegularFile(file)) {
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      } else if (!Files.exists(file)) {
        if (Files.isDirectory(target)) deleteTree(target);
        else Files.deleteIfExists(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
