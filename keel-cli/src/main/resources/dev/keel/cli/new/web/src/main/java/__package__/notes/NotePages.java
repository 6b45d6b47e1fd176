package {{package}}.notes;

import dev.keel.core.Context;
import dev.keel.db.Database;
import dev.keel.security.Sessions;
import dev.keel.views.View;
import dev.keel.views.Views;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The notes as HTML: the page at / (src/main/jte/notes.jte) and its form. The form carries the
 * session's CSRF token in a hidden {@code _csrf} field; keel-security answers 403 to a form posted
 * with the session's cookie but without the token.
 */
public final class NotePages {
  private final Database db;
  private final Views views;
  private final Sessions sessions;

  /** Made before the app is built, so the database is used only once requests come. */
  public NotePages(Database db, Views views, Sessions sessions) {
    this.db = db;
    this.views = views;
    this.sessions = sessions;
  }

  /** GET /: every note, newest first, and a form for a new one. */
  public View index(Context ctx) {
    return page(ctx, "");
  }

  /** POST /notes from the form: adds the note and goes back to /, or shows what is wrong. */
  public View create(Context ctx) {
    String title = ctx.form().field("title").orElse("").strip();
    String body = ctx.form().field("body").orElse("").strip();
    if (title.isEmpty() || title.length() > 200) {
      ctx.status(422);
      return page(ctx, "A note needs a title of at most 200 characters.");
    }
    db.repository(Note.class).insert(new Note(0, title, body, Instant.now()));
    ctx.status(303).header("Location", "/"); // after a POST, the browser GETs / again
    return null;
  }

  private View page(Context ctx, String error) {
    List<Note> all =
        db.sql("select * from note order by created_at desc, id desc").list(Note.class);
    String csrf = sessions.start(ctx).csrfToken(); // starts a session on the first visit
    return views.render("notes.jte", Map.of("notes", all, "error", error, "csrf", csrf));
  }
}
