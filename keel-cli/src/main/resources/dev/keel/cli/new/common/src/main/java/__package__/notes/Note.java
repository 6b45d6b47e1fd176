package {{package}}.notes;

import dev.keel.db.Id;
import dev.keel.db.Table;
import java.time.Instant;

/** A note, as stored in the table {@code note} (see db/migration/V1__create_notes.sql). */
@Table("note")
public record Note(@Id long id, String title, String body, Instant createdAt) {}
