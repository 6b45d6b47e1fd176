package dev.keel.openapi;

import dev.keel.core.NotFound;
import dev.keel.web.Body;
import dev.keel.web.Controller;
import dev.keel.web.Delete;
import dev.keel.web.Get;
import dev.keel.web.Header;
import dev.keel.web.Post;
import dev.keel.web.Query;
import dev.keel.web.Status;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Articles of the blog. */
@Controller("/api/articles")
final class ArticlesController {
  enum State {
    DRAFT,
    PUBLISHED
  }

  enum Order {
    NEWEST,
    OLDEST
  }

  record Author(@NotBlank String name, @Email String email) {}

  record NewArticle(
      @NotBlank @Size(max = 120) String title,
      @Pattern(regexp = "[a-z0-9-]+") String slug,
      @Valid Author author,
      List<String> tags,
      Optional<@Size(max = 300) String> summary) {}

  record Article(UUID id, String slug, String title, State state, Instant createdAt) {}

  record Page<T>(List<T> items, int total) {}

  private final Map<String, Article> articles = new ConcurrentHashMap<>();

  /**
   * Finds an article by its slug.
   *
   * <p>Answers 404 when none has it.
   *
   * @param slug the article's slug
   */
  @Get("/{slug}")
  Article get(String slug) {
    Article a = articles.get(slug);
    if (a == null) throw new NotFound("No article has slug " + slug + ".");
    return a;
  }

  /** Lists articles. */
  @Get
  Page<Article> list(
      @Query Optional<String> tag,
      @Query(defaultValue = "20") @Max(100) int limit,
      @Query List<State> state,
      @Query(defaultValue = "newest") Order order) {
    return new Page<>(articles.values().stream().limit(limit).toList(), articles.size());
  }

  /** Publishes a new article. */
  @Post
  @Status(201)
  Article create(
      @Body @Valid NewArticle body, @Header("X-Request-Source") Optional<String> source) {
    var a = new Article(UUID.randomUUID(), body.slug(), body.title(), State.DRAFT, Instant.now());
    articles.put(a.slug(), a);
    return a;
  }

  @Delete("/{slug}")
  void delete(String slug) {
    articles.remove(slug);
  }
}
