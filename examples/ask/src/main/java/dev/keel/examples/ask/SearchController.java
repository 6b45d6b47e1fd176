package dev.keel.examples.ask;

import dev.keel.ai.rag.Citation;
import dev.keel.ai.rag.Rag;
import dev.keel.web.Controller;
import dev.keel.web.Get;
import dev.keel.web.Query;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Search by meaning: the passages closest to the query, whatever words they use. */
@Controller("/api/search")
public final class SearchController {
  /**
   * A passage found.
   *
   * @param number its rank, from 1 (what answers cite as [1])
   * @param article the article's URL
   * @param text the passage
   * @param score cosine similarity to the query, -1 to 1
   */
  public record Hit(int number, String article, String text, double score) {
    static Hit of(Citation c) {
      return new Hit(c.number(), c.source(), c.text(), c.score());
    }
  }

  private final Rag rag;

  SearchController(Rag rag) {
    this.rag = rag;
  }

  @Get
  List<Hit> search(
      @Query @NotBlank @Size(max = AskApp.MAX_QUESTION) String q,
      @Query(defaultValue = "5") @Min(1) @Max(20) int limit) {
    return rag.retrieve(q, limit).stream().map(Hit::of).toList();
  }
}
