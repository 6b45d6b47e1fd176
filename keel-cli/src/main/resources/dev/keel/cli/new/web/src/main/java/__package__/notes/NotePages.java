package {{package}}.notes;

import dev.keel.core.Context;
import dev.keel.db.Database;
import dev.keel.views.View;
import dev.keel.views.Views;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The notes as HTML: the page at / (src/main/jte/notes.jte) and its form. */
public final class NotePages {
  private final Database db;
  private final Views views;

  /** Made before the app is built, so the database is used only once requests come. */
  public NotePages(Database db, Views views) {
    this.db = db;
    this.views = views;
  }

  /** GET /: every note, newest first, and a form for a new one. */
  public View index(Context ctx) {
    return page("");
  }

  /** POST /notes from the form: adds the note and goes back to /, or shows what is wrong. */
  public View create(Context ctx) {
    String title = ctx.form().field("title").orElse("").strip();
    String body = ctx.form().field("body").orElse("").strip();
    if (title.isEmpty() || title.length() > 200) {
      ctx.status(422);
      return page("A note needs a title of at most 200 characters.");
    }
    db.repository(Note.class).insert(new Note(0, title, body, Instant.now()));
    ctx.status(303).header("Location", "/"); // after a POST, the browser GETs / again
    return null;
  }

  private View page(String error) {
    List<Note> all =
        db.sql("select * from note order by created_at desc, id desc").list(Note.class);
    return views.render("notes.jte", Map.of("notes", all, "error", error));
  }
}
