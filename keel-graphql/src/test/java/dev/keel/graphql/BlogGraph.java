package dev.keel.graphql;

import dev.keel.core.NotFound;
import dev.keel.db.Database;
import dev.keel.security.Principal;
import dev.keel.security.Requires;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.stream.Collectors;

/** The README's example: articles with their authors and tags, read through keel-db. */
@GraphQlApi
public final class BlogGraph {
  public record Author(long id, String name) {}

  public record Article(long id, String slug, String title, long authorId) {}

  public record Tag(String name) {}

  public record NewArticle(@NotBlank String slug, @NotBlank @Size(max = 100) String title) {}

  public enum Order {
    NEWEST,
    OLDEST
  }

  private final Database db;
  private final SubmissionPublisher<Article> added = new SubmissionPublisher<>();

  public BlogGraph(Database db) {
    this.db = db;
  }

  @Query
  public List<Article> articles(int limit, Optional<Order> order) {
    String direction = order.orElse(Order.OLDEST) == Order.NEWEST ? "desc" : "asc";
    return db.sql(
            "select id, slug, title, author_id from article order by id "
                + direction
                + " limit :limit")
        .bind("limit", limit)
        .list(Article.class);
  }

  @Query
  public Article article(String slug) {
    return db.sql("select id, slug, title, author_id from article where slug = :slug")
        .bind("slug", slug)
        .optional(Article.class)
        .orElseThrow(() -> new NotFound("No article '" + slug + "'."));
  }

  /** One statement for the authors of every article in the response. */
  @Batched
  public List<Author> author(List<Article> articles) {
    List<Long> ids = articles.stream().map(Article::authorId).distinct().toList();
    Map<Long, Author> byId =
        db
            .sql("select id, name from author where id in (:ids)")
            .bind("ids", ids)
            .list(Author.class)
            .stream()
            .collect(Collectors.toMap(Author::id, a -> a));
    return articles.stream().map(a -> byId.get(a.authorId())).toList();
  }

  /** One statement for the tags of every article in the response. */
  @Batched
  public List<List<Tag>> tags(List<Article> articles) {
    record Row(long articleId, String name) {}
    Map<Long, List<Tag>> byArticle =
        db
            .sql(
                "select article_id, name from article_tag where article_id in (:ids) order by name")
            .bind("ids", articles.stream().map(Article::id).toList())
            .list(Row.class)
            .stream()
            .collect(
                Collectors.groupingBy(
                    Row::articleId,
                    Collectors.mapping(r -> new Tag(r.name()), Collectors.toList())));
    return articles.stream().map(a -> byArticle.getOrDefault(a.id(), List.of())).toList();
  }

  @Query
  @Requires("stats:read")
  public int articleCount() {
    return db.sql("select count(*) from article").one(Integer.class);
  }

  @Mutation
  @Requires("articles:write")
  public Article createArticle(@Valid NewArticle input, Principal user) {
    long authorId = Long.parseLong(user.id());
    long id =
        db.sql("insert into article (slug, title, author_id) values (:slug, :title, :author)")
            .bind("slug", input.slug())
            .bind("title", input.title())
            .bind("author", authorId)
            .insert();
    var article = new Article(id, input.slug(), input.title(), authorId);
    added.submit(article);
    return article;
  }

  @Subscription
  public Flow.Publisher<Article> articleAdded() {
    return added;
  }
}
