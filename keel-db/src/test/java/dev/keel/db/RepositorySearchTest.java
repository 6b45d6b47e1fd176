package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.db.Query.Filter;
import dev.keel.db.Query.Filter.Op;
import java.util.List;

/**
 * {@link Query#whereAny} (an {@code or} group) and {@link Op#CONTAINS} (case-insensitive substring
 * with {@code %}, {@code _} and {@code \} matching themselves) on both engines.
 */
class RepositorySearchTest {
  record Note(long id, String title, String body, int stars) {}

  private static List<String> titles(Repository<Note> notes, Query query) {
    return notes.findAll(query).stream().map(Note::title).toList();
  }

  private static Query search(String text) {
    return Query.all()
        .whereAny(
            List.of(new Filter("title", Op.CONTAINS, text), new Filter("body", Op.CONTAINS, text)));
  }

  @BothDatabases
  void searchesSeveralColumnsCaseInsensitivelyAndLiterally(TestDb t) {
    t.ddl(
        "create table note (id {id}, title text not null, body text not null, stars integer not null)");
    Repository<Note> notes = t.db().repository(Note.class);
    notes.insert(new Note(0, "Hello World", "first", 1));
    notes.insert(new Note(0, "Other", "says HELLO too", 2));
    notes.insert(new Note(0, "100% sure", "a_b", 3));
    notes.insert(new Note(0, "1000 sure", "axb \\ c", 4));

    assertThat(titles(notes, search("hello"))).containsExactly("Hello World", "Other");
    assertThat(titles(notes, search("100%"))).containsExactly("100% sure");
    assertThat(titles(notes, search("a_b"))).containsExactly("100% sure");
    assertThat(titles(notes, search("\\"))).containsExactly("1000 sure");
    assertThat(notes.count(search("sure"))).isEqualTo(2);
    assertThat(titles(notes, search("hello").where("stars", Op.GE, 2))).containsExactly("Other");
    assertThat(titles(notes, Query.all().whereAny(List.of()))).isEmpty();
    assertThat(
            titles(
                notes,
                Query.all()
                    .whereAny(
                        List.of(new Filter("stars", Op.EQ, 1), new Filter("stars", Op.GT, 3)))))
        .containsExactly("Hello World", "1000 sure");
    assertThatThrownBy(() -> notes.findAll(Query.all().where("stars", Op.CONTAINS, "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "filter stars CONTAINS needs a String column, not int; compare it with EQ or a range"
                + " instead");
    assertThatThrownBy(() -> notes.findAll(Query.all().where("title", Op.CONTAINS, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("filter title CONTAINS needs a String, not Integer 1");
  }
}
