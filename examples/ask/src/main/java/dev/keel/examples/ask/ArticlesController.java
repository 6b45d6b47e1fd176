package dev.keel.examples.ask;

import dev.keel.ai.rag.Document;
import dev.keel.ai.rag.DocumentFormat;
import dev.keel.ai.rag.Rag;
import dev.keel.core.NotFound;
import dev.keel.db.Database;
import dev.keel.web.Body;
import dev.keel.web.Controller;
import dev.keel.web.Get;
import dev.keel.web.Post;
import dev.keel.web.Status;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** Articles: Markdown text that search and questions read. */
@Controller("/api/articles")
public final class ArticlesController {
  public record NewArticle(
      @NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 50_000) String body) {}

  public record Article(long id, String title, String body) {}

  private final Database db;
  private final Rag rag;

  ArticlesController(Database db, Rag rag) {
    this.db = db;
    this.rag = rag;
  }

  /**
   * Saves an article and queues its indexing in the same transaction: the job runs only if the
   * article was saved, and a failed embedding is retried by keel-jobs.
   */
  @Post
  @Status(201)
  Article create(@Body @Valid NewArticle body) {
    return db.transaction(
        () -> {
          long id =
              db.sql("insert into article (title, body) values (:title, :body)")
                  .bind("title", body.title().strip())
                  .bind("body", body.body())
                  .insert();
          var article = new Article(id, body.title().strip(), body.body());
          rag.enqueue(document(article));
          return article;
        });
  }

  @Get("/{id}")
  Article get(long id) {
    return db.sql("select id, title, body from article where id = :id")
        .bind("id", id)
        .optional(Article.class)
        .orElseThrow(() -> new NotFound("There is no article " + id + "."));
  }

  static Document document(Article a) {
    return new Document(
        "article-" + a.id(),
        "/api/articles/" + a.id(),
        DocumentFormat.MARKDOWN,
        "# " + a.title() + "\n\n" + a.body(),
        Map.of("title", a.title()));
  }
}
