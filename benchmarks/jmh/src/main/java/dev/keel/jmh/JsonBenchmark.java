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
  private byte[] unicodeJson;

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
    ArticleView korean = unicodeArticle();
    unicodeJson = codec.write(korean);
    if (!codec.read(unicodeJson, ArticleView.class).equals(korean)) {
      throw new IllegalStateException("the Korean article does not survive a round trip");
    }
  }

  /** The article with its text in Korean (3 bytes a character in UTF-8) and an emoji. */
  static ArticleView unicodeArticle() {
    ArticleView a = article();
    return new ArticleView(
        a.slug(),
        "드래곤을 훈련하는 방법",
        "어떻게 하는지 궁금하신가요? 🐉",
        "야코비안이 필요합니다. 먼저 배우려는 용을 찾고, 인내심을 갖고 일관되게 보상하세요. " + "대부분의 용은 일주일 안에 앉는 법을 배웁니다.",
        List.of("드래곤", "훈련", "판타지", "애완동물", "방법"),
        a.createdAt(),
        a.updatedAt(),
        a.favorited(),
        a.favoritesCount(),
        new Profile("jake", "스테이트팜에서 일합니다", a.author().image(), false));
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

  /**
   * The article's JSON back into the record, with Keel's limits and strict types, and the scan for
   * NUL and lone surrogates.
   */
  @Benchmark
  public ArticleView readMedium() {
    return codec.read(mediumJson, ArticleView.class);
  }

  /** The same with its text in Korean: what the scan costs on text that is not ASCII. */
  @Benchmark
  public ArticleView readUnicode() {
    return codec.read(unicodeJson, ArticleView.class);
  }
}
