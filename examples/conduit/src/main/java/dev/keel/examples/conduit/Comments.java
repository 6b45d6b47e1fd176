package dev.keel.examples.conduit;

import dev.keel.core.Context;
import dev.keel.core.NotFound;
import dev.keel.db.Database;
import dev.keel.db.Id;
import dev.keel.db.Repository;
import dev.keel.db.Table;
import dev.keel.examples.conduit.Profiles.Profile;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import dev.keel.web.Body;
import dev.keel.web.Controller;
import dev.keel.web.Delete;
import dev.keel.web.Get;
import dev.keel.web.Post;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Comments on an article. */
@Controller("/api/articles")
public final class Comments {
  @Table("comment")
  record Stored(
      @Id long id,
      long articleId,
      long authorId,
      String body,
      Instant createdAt,
      Instant updatedAt) {}

  public record NewComment(@NotBlank @Size(max = 10_000) String body) {}

  public record NewCommentRequest(@NotNull @Valid NewComment comment) {}

  public record Comment(
      long id, Instant createdAt, Instant updatedAt, String body, Profile author) {}

  public record SingleCommentResponse(Comment comment) {}

  public record MultipleCommentsResponse(List<Comment> comments) {}

  record Row(long id, Instant createdAt, Instant updatedAt, String body, long authorId) {
    Comment toComment(Profile author) {
      return new Comment(id, createdAt, updatedAt, body, author);
    }
  }

  private final Database db;
  private final People people;
  private final Repository<Stored> comments;

  public Comments(Database db, People people) {
    this.db = db;
    this.people = people;
    this.comments = db.repository(Stored.class);
  }

  /** The article's comments, oldest first. */
  @Get("/{slug}/comments")
  MultipleCommentsResponse list(String slug, Optional<Principal> viewer) {
    return new MultipleCommentsResponse(load("c.article_id = :key", articleId(slug), viewer));
  }

  @Post("/{slug}/comments")
  SingleCommentResponse create(String slug, @Body @Valid NewCommentRequest request, Principal me) {
    Instant now = Instant.now();
    Stored c =
        comments.insert(
            new Stored(
                0, articleId(slug), ConduitApp.userId(me), request.comment().body(), now, now));
    return new SingleCommentResponse(load("c.id = :key", c.id(), Optional.of(me)).getFirst());
  }

  /** Deletes a comment; only its author may. */
  @Delete("/{slug}/comments/{id}")
  void delete(String slug, long id, Context ctx) {
    Stored c =
        comments
            .find(id)
            .filter(found -> found.articleId() == articleId(slug))
            .orElseThrow(() -> new NotFound("Article " + slug + " has no comment " + id + "."));
    Security.requireOwner(ctx, Long.toString(c.authorId()));
    comments.delete(c);
  }

  private long articleId(String slug) {
    return db.sql("select id from article where slug = :slug")
        .bind("slug", slug)
        .optional(Long.class)
        .orElseThrow(() -> new NotFound("There is no article " + slug + "."));
  }

  /** The comments with their authors: one query and one call to People (no join with users). */
  private List<Comment> load(String where, long key, Optional<Principal> viewer) {
    List<Row> rows =
        db.sql(
                """
                select c.id, c.created_at, c.updated_at, c.body, c.author_id from comment c
                where %s order by c.created_at, c.id"""
                    .formatted(where))
            .bind("key", key)
            .list(Row.class);
    Map<Long, Profile> authors =
        people
            .authors(rows.stream().map(Row::authorId).toList(), ConduitApp.userId(viewer))
            .stream()
            .collect(Collectors.toMap(People.Author::id, People.Author::profile));
    return rows.stream().map(r -> r.toComment(authors.get(r.authorId()))).toList();
  }
}
