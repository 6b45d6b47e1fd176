package dev.keel.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel new's command line: a bad name or folder is exit 2, one sentence, nothing written. */
class NewCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedErr = Console.err;
    Console.err = new PrintStream(err, true, StandardCharsets.UTF_8);
  }

  @AfterEach
  void restore() {
    Console.err = savedErr;
  }

  private long filesIn(Path folder) throws IOException {
    try (Stream<Path> all = Files.walk(folder)) {
      return all.count();
    }
  }

  @Test
  void aBadPackageIsExit2WithOneSentenceAndNothingWritten() throws IOException {
    int status = KeelCommand.execute("new", dir.resolve("blog").toString(), "--package", "a..b");
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo(
            "keel: --package a..b is not a usable Java package: it has an empty part between"
                + " dots; use lower-case dotted names, e.g. --package com.example.blog")
        .doesNotContain("\n");
    assertThat(dir.resolve("blog")).doesNotExist();
  }

  @Test
  void aNonEmptyFolderIsExit2AndStaysAsItWas() throws IOException {
    Files.createDirectories(dir.resolve("blog"));
    Files.writeString(dir.resolve("blog/mine.txt"), "mine");
    assertThat(KeelCommand.execute("new", dir.resolve("blog").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not empty");
    assertThat(filesIn(dir.resolve("blog"))).isEqualTo(2);
  }

  @Test
  void anUnknownTemplateIsExit2() {
    assertThat(KeelCommand.execute("new", dir.resolve("blog").toString(), "--template", "spa"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--template spa is not known; use api or web");
  }
}
