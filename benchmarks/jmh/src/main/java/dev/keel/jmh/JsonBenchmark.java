package dev.keel.jmh;

import dev.keel.core.internal.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link JsonCodec} with Keel's default limits: records to {@code byte[]} (what the result encoder
 * does for a handler's return value) and {@code byte[]} to a record (what {@code ctx.body(Type)}
 * does).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class JsonBenchmark {

  /** The TechEmpower {@code /json} body. */
  public record Message(String message) {}

  /** A RealWorld (Conduit) author. */
  public record Profile(String username, String bio, String image, boolean following) {}

  /** A RealWorld (Conduit) article as a client sees it: 10 fields, 5 tags, a nested author. */
  public record ArticleView(
      String slug,
      String title,
      String description,
      String body,
      List<String> tagList,
      Instant createdAt,
      Instant updatedAt,
      boolean favorited,
      int favoritesCount,
      Profile author) {}

  private JsonCodec codec;
  private Message small;
  private ArticleView medium;
  private byte[] mediumJson;

  @Setup
  public void setUp() {
    codec = new JsonCodec(JsonCodec.Limits.DEFAULT);
    small = new Message("Hello, World!");
    medium = article();
    mediumJson = codec.write(medium);
    if (!codec.read(mediumJson, ArticleView.class).equals(medium)) {
      throw new IllegalStateException(
          "the article does not survive a round trip: "
              + new String(mediumJson, StandardCharsets.UTF_8));
    }
  }

  static ArticleView article() {
    return new ArticleView(
        "how-to-train-your-dragon",
        "How to train your dragon",
        "Ever wonder how?",
        "It takes a Jacobian. First, find a dragon that is willing to learn; then be patient, "
            + "consistent and generous with rewards. Most dragons learn to sit within a week.",
        List.of("dragons", "training", "fantasy", "pets", "howto"),
        Instant.parse("2016-02-18T03:22:56.637Z"),
        Instant.parse("2016-02-18T03:48:35.824Z"),
        false,
        42,
        new Profile("jake", "I work at statefarm", "https://i.stack.imgur.com/xHWG8.jpg", false));
  }

  /** {@code {"message":"Hello, World!"}}: 27 bytes. */
  @Benchmark
  public byte[] writeSmall() {
    return codec.write(small);
  }

  /** The article: 571 bytes. */
  @Benchmark
  public byte[] writeMedium() {
    return codec.write(medium);
  }

  /** The article's JSON back into the record, with Keel's limits and strict-null checks. */
  @Benchmark
  public ArticleView readMedium() {
    return codec.read(mediumJson, ArticleView.class);
  }
}
