package dev.keel.admin.internal;

import dev.keel.db.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin's audit history in {@code keel_admin_audit} (created by keel-admin's own migration):
 * who did what to which row when, and each field's value before and after, as JSON. Written by the
 * caller's transaction, so a change and its entry commit or roll back together.
 */
public final class Audit {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {};
  private static final int HISTORY = 50;
  private static final String INSERT =
      "insert into keel_admin_audit (at, who, action, model, row_id, changes)"
          + " values (:at, :who, :action, :model, :rowId, :changes)";

  private final Database db;

  Audit(Database db) {
    this.db = db;
  }

  /** One field's change; empty text for "no value" (before a create, after a delete). */
  public record Change(String field, String from, String to) {}

  /** A row of {@code keel_admin_audit}. */
  public record Entry(
      long id, Instant at, String who, String action, String model, String rowId, String changes) {
    public List<Change> changeList() {
      try {
        return JSON.readValue(changes, CHANGES);
      } catch (JacksonException e) {
        return List.of(new Change("?", "", changes));
      }
    }
  }

  /**
   * The changes between {@code before} and {@code after} (either may be null); hidden fields and
   * the {@code @Version} counter are left out.
   */
  static <T extends Record> List<Change> diff(Model<T> m, T before, T after) {
    var out = new ArrayList<Change>();
    for (int i = 0; i < m.fields().size(); i++) {
      Field f = m.fields().get(i);
      if (f.hidden() || f.version()) continue;
      String from = before == null ? "" : Binder.text(f, m.value(before, i));
      String to = after == null ? "" : Binder.text(f, m.value(after, i));
      if (!Objects.equals(from, to)) out.add(new Change(f.name(), from, to));
    }
    return out;
  }

  /** Writes one entry per row in one statement (a JDBC batch). */
  void write(String who, String action, Model<?> m, List<String> rowIds, List<List<Change>> ch) {
    Instant now = Instant.now();
    var rows = new ArrayList<Map<String, ?>>();
    for (int i = 0; i < rowIds.size(); i++) {
      rows.add(
          Map.of(
              "at",
              now,
              "who",
              who,
              "action",
              action,
              "model",
              m.slug(),
              "rowId",
              rowIds.get(i),
              "changes",
              json(ch.get(i))));
    }
    if (!rows.isEmpty()) db.sql(INSERT).batch(rows);
  }

  void write(String who, String action, Model<?> m, String rowId, List<Change> changes) {
    write(who, action, m, List.of(rowId), List.of(changes));
  }

  /** The row's history, newest first (the last {@value #HISTORY} entries). */
  List<Entry> history(Model<?> m, String rowId) {
    return db.sql(
            "select id, at, who, action, model, row_id, changes from keel_admin_audit"
                + " where model = :model and row_id = :rowId order by id desc limit "
                + HISTORY)
        .bind("model", m.slug())
        .bind("rowId", rowId)
        .list(Entry.class);
  }

  private static String json(List<Change> changes) {
    return JSON.writeValueAsString(changes);
  }
}
