package dev.keel.examples.conduit;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static java.util.stream.Collectors.toMap;

import dev.keel.core.Context;
import dev.keel.core.NotFound;
import dev.keel.db.Database;
import dev.keel.db.Id;
import dev.keel.db.Repository;
import dev.keel.db.Sql;
import dev.keel.db.Table;
import dev.keel.examples.conduit.Profiles.Profile;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import dev.keel.web.Body;
import dev.keel.web.Controller;
import dev.keel.web.Delete;
import dev.keel.web.Get;
import dev.keel.web.Post;
import dev.keel.web.Put;
import dev.keel.web.Query;
import dev.keel.web.Status;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Articles: listing, the feed, writing, editing, favorites, and the tags in use. */
@Controller("/api")
public final class Articles {
  @Table("article")
  record Stored(
      @Id long id,
      String slug,
      String title,
      String description,
      String body,
      long authorId,
      Instant createdAt,
      Instant updatedAt) {}

  public record NewArticle(
      @NotBlank @Size(max = 200) String title,
      @NotBlank @Size(max = 1000) String description,
      @NotBlank String body,
      List<@NotBlank @Size(max = 40) String> tagList) {}

  public record NewArticleRequest(@NotNull @Valid NewArticle article) {}

  /** Only the fields sent are changed; a new title gives a new slug. */
  public record UpdateArticle(
      @Size(min = 1, max = 200) String title,
      @Size(min = 1, max = 1000) String description,
      @Size(min = 1) String body) {}

  public record UpdateArticleRequest(@NotNull @Valid UpdateArticle article) {}

  public record Article(
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

  public record SingleArticleResponse(Article article) {}

  public record MultipleArticlesResponse(List<Article> articles, int articlesCount) {}

  public record TagsResponse(List<String> tags) {}

  /** A row of {@link #SELECT}: an article and how the viewer relates to it. */
  record Row(
      long id,
      String slug,
      String title,
      String description,
      String body,
      long authorId,
      Instant createdAt,
      Instant updatedAt,
      int favoritesCount,
      boolean favorited) {
    Article toArticle(List<String> tags, Profile author) {
      return new Article(
          slug,
          title,
          description,
          body,
          tags,
          createdAt,
          updatedAt,
          favorited,
          favoritesCount,
          author);
    }
  }

  record Tag(long articleId, String tag) {}

  // No join with users: authors, their profiles and follows are People's (a call, maybe remote)
  private static final String FROM = " from article a ";
  private static final String SELECT =
      """
      select a.id, a.slug, a.title, a.description, a.body, a.author_id, a.created_at,
        a.updated_at,
        (select count(*) from favorite f where f.article_id = a.id) as favorites_count,
        exists (select 1 from favorite f where f.article_id = a.id and f.user_id = :viewer)
          as favorited"""
          + FROM;

  private static final MultipleArticlesResponse NONE = new MultipleArticlesResponse(List.of(), 0);

  private final Database db;
  private final People people;
  private final Repository<Stored> articles;
  private final SecureRandom random = new SecureRandom();

  public Articles(Database db, People people) {
    this.db = db;
    this.people = people;
    this.articles = db.repository(Stored.class);
  }

  /** Lists articles, newest first, optionally by tag, author or the user who favorited them. */
  @Get("/articles")
  MultipleArticlesResponse list(
      @Query Optional<String> tag,
      @Query Optional<String> author,
      @Query Optional<String> favorited,
      @Query(defaultValue = "20") @Min(1) @Max(100) int limit,
      @Query(defaultValue = "0") @Min(0) int offset,
      Optional<Principal> viewer) {
    var where = new ArrayList<String>();
    var params = new HashMap<String, Object>();
    tag.ifPresent(
        t -> {
          where.add("a.id in (select article_id from article_tag where tag = :tag)");
          params.put("tag", t);
        });
    // a user who does not exist wrote and favorited nothing
    if (author.isPresent()) {
      Optional<Long> id = author.flatMap(people::idOf);
      if (id.isEmpty()) return NONE;
      where.add("a.author_id = :author");
      params.put("author", id.get());
    }
    if (favorited.isPresent()) {
      Optional<Long> id = favorited.flatMap(people::idOf);
      if (id.isEmpty()) return NONE;
      where.add("a.id in (select article_id from favorite where user_id = :favorited)");
      params.put("favorited", id.get());
    }
    String filter = where.isEmpty() ? "" : "where " + String.join(" and ", where);
    return page(filter, params, viewer, limit, offset);
  }

  /** Articles by the authors the user follows, newest first. */
  @Get("/articles/feed")
  MultipleArticlesResponse feed(
      @Query(defaultValue = "20") @Min(1) @Max(100) int limit,
      @Query(defaultValue = "0") @Min(0) int offset,
      Principal me) {
    List<Long> followees = people.followees(ConduitApp.userId(me));
    if (followees.isEmpty()) return NONE;
    return page(
        "where a.author_id in (:followees)",
        Map.of("followees", followees),
        Optional.of(me),
        limit,
        offset);
  }

  @Get("/articles/{slug}")
  SingleArticleResponse get(String slug, Optional<Principal> viewer) {
    List<Article> found = load("where a.slug = :slug", Map.of("slug", slug), viewer, 1, 0);
    if (found.isEmpty()) throw new NotFound("There is no article " + slug + ".");
    return new SingleArticleResponse(found.getFirst());
  }

  @Post("/articles")
  @Status(201)
  SingleArticleResponse create(@Body @Valid NewArticleRequest request, Principal me) {
    NewArticle in = request.article();
    Instant now = Instant.now();
    Stored article =
        db.transaction(
            () -> {
              Stored stored =
                  articles.insert(
                      new Stored(
                          0,
                          slugOf(in.title()),
                          in.title(),
                          in.description(),
                          in.body(),
                          ConduitApp.userId(me),
                          now,
                          now));
              List<String> tags = in.tagList() == null ? List.of() : in.tagList();
              db.sql("insert into article_tag (article_id, tag) values (:articleId, :tag)")
                  .bind("articleId", stored.id())
                  .batch(
                      tags.stream()
                          .map(String::strip)
                          .distinct()
                          .map(t -> Map.of("tag", t))
                          .toList());
              return stored;
            });
    return get(article.slug(), Optional.of(me));
  }

  /** Changes an article; only its author may. */
  @Put("/articles/{slug}")
  SingleArticleResponse update(
      String slug, @Body @Valid UpdateArticleRequest request, Principal me, Context ctx) {
    Stored a = stored(slug);
    Security.requireOwner(ctx, Long.toString(a.authorId()));
    UpdateArticle in = request.article();
    Stored changed =
        articles.update(
            new Stored(
                a.id(),
                in.title() == null ? a.slug() : slugOf(in.title()),
                in.title() == null ? a.title() : in.title(),
                in.description() == null ? a.description() : in.description(),
                in.body() == null ? a.body() : in.body(),
                a.authorId(),
                a.createdAt(),
                Instant.now()));
    return get(changed.slug(), Optional.of(me));
  }

  /** Deletes an article with its comments, tags and favorites; only its author may. */
  @Delete("/articles/{slug}")
  void delete(String slug, Context ctx) {
    Stored a = stored(slug);
    Security.requireOwner(ctx, Long.toString(a.authorId()));
    articles.delete(a);
  }

  @Post("/articles/{slug}/favorite")
  SingleArticleResponse favorite(String slug, Principal me) {
    db.sql(
            """
            insert into favorite (user_id, article_id) values (:me, :article)
            on conflict do nothing""")
        .bind("me", ConduitApp.userId(me))
        .bind("article", stored(slug).id())
        .update();
    return get(slug, Optional.of(me));
  }

  @Delete("/articles/{slug}/favorite")
  SingleArticleResponse unfavorite(String slug, Principal me) {
    db.sql("delete from favorite where user_id = :me and article_id = :article")
        .bind("me", ConduitApp.userId(me))
        .bind("article", stored(slug).id())
        .update();
    return get(slug, Optional.of(me));
  }

  /** The tags in use, most used first. */
  @Get("/tags")
  TagsResponse tags() {
    return new TagsResponse(
        db.sql("select tag from article_tag group by tag order by count(*) desc, tag limit 50")
            .list(String.class));
  }

  private Stored stored(String slug) {
    return db.sql("select * from article where slug = :slug")
        .bind("slug", slug)
        .optional(Stored.class)
        .orElseThrow(() -> new NotFound("There is no article " + slug + "."));
  }

  private MultipleArticlesResponse page(
      String where, Map<String, Object> params, Optional<Principal> viewer, int limit, int offset) {
    Sql count = db.sql("select count(*)" + FROM + where);
    params.forEach(count::bind);
    List<Article> page = load(where, params, viewer, limit, offset);
    return new MultipleArticlesResponse(page, count.one(Integer.class));
  }

  /** The matching articles with their tags and authors: two queries and one call, however many. */
  private List<Article> load(
      String where, Map<String, Object> params, Optional<Principal> viewer, int limit, int offset) {
    Sql select =
        db.sql(
                SELECT
                    + where
                    + " order by a.created_at desc, a.id desc limit :limit offset :offset")
            .bind("viewer", ConduitApp.userId(viewer))
            .bind("limit", limit)
            .bind("offset", offset);
    params.forEach(select::bind);
    List<Row> rows = select.list(Row.class);
    if (rows.isEmpty()) return List.of();
    Map<Long, List<String>> tags =
        db
            .sql("select article_id, tag from article_tag where article_id in (:ids) order by tag")
            .bind("ids", rows.stream().map(Row::id).toList())
            .list(Tag.class)
            .stream()
            .collect(groupingBy(Tag::articleId, mapping(Tag::tag, toList())));
    Map<Long, Profile> authors =
        people
            .authors(rows.stream().map(Row::authorId).toList(), ConduitApp.userId(viewer))
            .stream()
            .collect(toMap(People.Author::id, People.Author::profile));
    return rows.stream()
        .map(r -> r.toArticle(tags.getOrDefault(r.id(), List.of()), authors.get(r.authorId())))
        .toList();
  }

  /** "How to Train Your Dragon" becomes "how-to-train-your-dragon-k3x9q2": readable, unique. */
  private String slugOf(String title) {
    String base =
        Normalizer.normalize(title, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-|-$)", "");
    String suffix =
        Long.toString(random.nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
    return (base.isEmpty() ? "article" : base) + "-" + suffix;
  }
}
