package dev.keel.examples.conduit;

import dev.keel.core.NotFound;
import dev.keel.db.Database;
import dev.keel.graphql.Batched;
import dev.keel.graphql.GraphQlApi;
import dev.keel.graphql.Query;
import dev.keel.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Conduit's articles, profiles and comments at {@code /graphql}, beside the REST API and from the
 * same tables. Every relation is a {@link Batched} field: a page of articles with their authors,
 * tags and comments (with their authors) costs one statement per relation, however long the page.
 */
@GraphQlApi
public final class ConduitGraph {
  public record Article(
      long id,
      String slug,
      String title,
      String description,
      String body,
      Instant createdAt,
      Instant updatedAt,
      long authorId) {}

  public record Profile(long id, String username, String bio, String image, boolean following) {}

  public record Comment(long id, String body, Instant createdAt, long authorId) {}

  private static final String ARTICLE =
      "select id, slug, title, description, body, created_at, updated_at, author_id from article ";
  private static final String PROFILE =
      """
      select u.id, u.username, u.bio, u.image,
        exists (select 1 from follow w where w.followee_id = u.id and w.follower_id = :viewer)
          as following
      from users u""";

  private final Database db;

  public ConduitGraph(Database db) {
    this.db = db;
  }

  /** Articles newest first, optionally with a tag. */
  @Query
  public List<Article> articles(int limit, Optional<String> tag) {
    int n = Math.clamp(limit, 1, 100);
    if (tag.isPresent()) {
      return db.sql(
              ARTICLE
                  + "where id in (select article_id from article_tag where tag = :tag)"
                  + " order by created_at desc, id desc limit :limit")
          .bind("tag", tag.get())
          .bind("limit", n)
          .list(Article.class);
    }
    return db.sql(ARTICLE + "order by created_at desc, id desc limit :limit")
        .bind("limit", n)
        .list(Article.class);
  }

  @Query
  public Article article(String slug) {
    return db.sql(ARTICLE + "where slug = :slug")
        .bind("slug", slug)
        .optional(Article.class)
        .orElseThrow(() -> new NotFound("There is no article " + slug + "."));
  }

  @Query
  public Profile profile(String username, Optional<Principal> viewer) {
    return db.sql(PROFILE + " where u.username = :username")
        .bind("username", username)
        .bind("viewer", viewerId(viewer))
        .optional(Profile.class)
        .orElseThrow(() -> new NotFound("There is no user " + username + "."));
  }

  @Query
  public List<String> tags() {
    return db.sql("select distinct tag from article_tag order by tag").list(String.class);
  }

  @Batched
  public List<Profile> author(List<Article> articles, Optional<Principal> viewer) {
    return profiles(articles, Article::authorId, viewer);
  }

  @Batched("author")
  public List<Profile> commentAuthor(List<Comment> comments, Optional<Principal> viewer) {
    return profiles(comments, Comment::authorId, viewer);
  }

  @Batched
  public List<List<String>> tagList(List<Article> articles) {
    record Row(long articleId, String tag) {}
    Map<Long, List<String>> byArticle =
        db
            .sql("select article_id, tag from article_tag where article_id in (:ids) order by tag")
            .bind("ids", articles.stream().map(Article::id).toList())
            .list(Row.class)
            .stream()
            .collect(
                Collectors.groupingBy(
                    Row::articleId, Collectors.mapping(Row::tag, Collectors.toList())));
    return articles.stream().map(a -> byArticle.getOrDefault(a.id(), List.of())).toList();
  }

  @Batched
  public List<List<Comment>> comments(List<Article> articles) {
    record Row(long articleId, long id, String body, Instant createdAt, long authorId) {}
    Map<Long, List<Comment>> byArticle =
        db
            .sql(
                "select article_id, id, body, created_at, author_id from comment"
                    + " where article_id in (:ids) order by created_at, id")
            .bind("ids", articles.stream().map(Article::id).toList())
            .list(Row.class)
            .stream()
            .collect(
                Collectors.groupingBy(
                    Row::articleId,
                    Collectors.mapping(
                        r -> new Comment(r.id(), r.body(), r.createdAt(), r.authorId()),
                        Collectors.toList())));
    return articles.stream().map(a -> byArticle.getOrDefault(a.id(), List.of())).toList();
  }

  private <T> List<Profile> profiles(
      List<T> parents, Function<T, Long> authorId, Optional<Principal> viewer) {
    Map<Long, Profile> byId =
        db
            .sql(PROFILE + " where u.id in (:ids)")
            .bind("ids", parents.stream().map(authorId).distinct().toList())
            .bind("viewer", viewerId(viewer))
            .list(Profile.class)
            .stream()
            .collect(Collectors.toMap(Profile::id, p -> p));
    return parents.stream().map(p -> byId.get(authorId.apply(p))).toList();
  }

  private static long viewerId(Optional<Principal> viewer) {
    return ConduitApp.userId(viewer);
  }
}
