package {{package}}.notes;

import dev.keel.core.NotFound;
import dev.keel.db.Database;
import dev.keel.db.Repository;
import dev.keel.web.Body;
import dev.keel.web.Controller;
import dev.keel.web.Delete;
import dev.keel.web.Get;
import dev.keel.web.Post;
import dev.keel.web.Status;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Notes as JSON: list, read, create, delete. Described at /docs. */
@Controller("/api/notes")
public final class NoteController {
  /** A note as clients send it. */
  public record NewNote(@NotBlank @Size(max = 200) String title, @Size(max = 10_000) String body) {}

  private final Database db;
  private final Repository<Note> notes;
{{#messaging}}
  private final NoteEvents events;
{{/messaging}}

  public NoteController(Database db{{#messaging}}, NoteEvents events{{/messaging}}) {
    this.db = db;
    this.notes = db.repository(Note.class);
{{#messaging}}
    this.events = events;
{{/messaging}}
  }

  /** Every note, newest first. */
  @Get
  List<Note> list() {
    return db.sql("select * from note order by created_at desc, id desc").list(Note.class);
  }

  /** One note; 404 when there is none with the id. */
  @Get("/{id}")
  Note get(long id) {
    return notes.find(id).orElseThrow(() -> new NotFound("There is no note " + id + "."));
  }

  /** Adds a note; 422 naming the field when the title is blank or too long. */
  @Post
  @Status(201)
  Note create(@Body @Valid NewNote note) {
    String body = note.body() == null ? "" : note.body();
    return db.transaction(
        () -> {
          Note saved = notes.insert(new Note(0, note.title().strip(), body, Instant.now()));
{{#messaging}}
          events.created(saved); // into the outbox: sent if and only if this transaction commits
{{/messaging}}
          return saved;
        });
  }

  /** Deletes a note; 204, or 404 when there is none with the id. */
  @Delete("/{id}")
  void delete(long id) {
    if (!notes.deleteById(id)) throw new NotFound("There is no note " + id + ".");
  }
}
