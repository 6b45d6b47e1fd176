package {{package}}.notes;

import dev.keel.core.NotFound;
import dev.keel.db.Database;
import dev.keel.db.Query;
import dev.keel.db.Repository;
import dev.keel.graphql.GraphQlApi;
import dev.keel.graphql.Mutation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;

/**
 * The notes over GraphQL at /graphql (GraphiQL at /graphiql in the dev profile). The schema is
 * written at build time from these methods and the records they use; GET /graphql/schema.graphql
 * shows it.
 */
@GraphQlApi
public final class NoteGraph {
  private final Repository<Note> notes;

  public NoteGraph(Database db) {
    this.notes = db.repository(Note.class);
  }

  /** The newest notes first. */
  @dev.keel.graphql.Query
  public List<Note> notes(@Min(1) @Max(100) int limit) {
    return notes.findAll(Query.all().orderBy("createdAt", true).limit(limit));
  }

  @dev.keel.graphql.Query
  public Note note(long id) {
    return notes.find(id).orElseThrow(() -> new NotFound("There is no note " + id + "."));
  }

  @Mutation
  public Note createNote(@Valid NoteController.NewNote input) {
    String body = input.body() == null ? "" : input.body();
    return notes.insert(new Note(0, input.title().strip(), body, Instant.now()));
  }
}
