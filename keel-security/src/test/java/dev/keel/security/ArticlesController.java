package dev.keel.security;

import dev.keel.core.Context;
import dev.keel.core.NotFound;
import dev.keel.web.Body;
import dev.keel.web.Controller;
import dev.keel.web.Delete;
import dev.keel.web.Get;
import dev.keel.web.Post;
import dev.keel.web.Put;
import dev.keel.web.Status;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The README's controller example: anyone reads, writers write, only the author edits. */
@Controller("/api/articles")
public final class ArticlesController {
  public record Article(String slug, String title, String authorId) {}

  /** What a client may set: no authorId, so a body cannot claim someone else's article. */
  public record ArticleInput(@NotBlank String title) {}

  private final Map<String, Article> articles = new ConcurrentHashMap<>();

  @Get("/{slug}")
  Article get(String slug) {
    return find(slug);
  }

  /** Anonymous callers get a greeting too: {@code Optional<Principal>} accepts absence. */
  @Get("/greeting")
  String greeting(Optional<Principal> viewer) {
    return "hello " + viewer.map(Principal::id).orElse("anonymous");
  }

  /** A required Principal: 401 with WWW-Authenticate when anonymous, any signed-in user passes. */
  @Get("/mine")
  List<Article> mine(Principal me) {
    return articles.values().stream().filter(a -> a.authorId().equals(me.id())).toList();
  }

  @Post
  @Status(201)
  @Requires("articles:write") // 401 without credentials, 403 without the permission
  Article create(@Body @Valid ArticleInput input, Principal author) {
    String slug = input.title().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    Article a = new Article(slug, input.title(), author.id());
    articles.put(slug, a);
    return a;
  }

  @Put("/{slug}")
  @Requires("articles:write")
  Article update(String slug, @Body @Valid ArticleInput input, Context ctx) {
    Article a = find(slug);
    Security.requireOwner(ctx, a.authorId()); // 403 for everyone but the author
    Article changed = new Article(slug, input.title(), a.authorId());
    articles.put(slug, changed);
    return changed;
  }

  @Delete("/{slug}")
  @Requires({"articles:write", "articles:delete"}) // every listed permission is needed
  void delete(String slug) {
    if (articles.remove(slug) == null) throw new NotFound("no article " + slug);
  }

  private Article find(String slug) {
    Article a = articles.get(slug);
    if (a == null) throw new NotFound("no article " + slug);
    return a;
  }
}
