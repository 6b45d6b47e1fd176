package dev.keel.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.db.Dialect;
import dev.keel.db.Repository;
import dev.keel.test.TestResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code hide("passwordHash")}: never shown, never changed by a form. */
class HiddenFieldTest {
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aHiddenComponentIsNeverShownAndNeverChangedByAForm(Dialect dialect) {
    try (var t = new TestApp(dialect)) {
      t.client.get("/admin").send();
      Repository<Account> accounts = t.database.repository(Account.class);
      Account a =
          accounts.insert(new Account(0, "ann@example.com", Optional.of("$secret"), Instant.now()));
      var ann = t.admin();
      String path = "/admin/account/" + a.id();
      assertThat(ann.get("/admin/account").text())
          .contains("<td>ann@example.com</td>")
          .doesNotContain("Password hash")
          .doesNotContain("$secret");
      assertThat(ann.get(path).text())
          .contains("value=\"ann@example.com\"")
          .doesNotContain("passwordHash")
          .doesNotContain("$secret");
      assertThat(ann.get(path + "/delete").text()).doesNotContain("$secret");
      assertThat(ann.get("/admin/account/new").text()).doesNotContain("passwordHash");

      TestResponse edit =
          ann.post(path, Map.of("email", "ann@example.org", "passwordHash", "$forged"));
      assertThat(edit.status()).as(edit.text()).isEqualTo(303);
      Account edited = accounts.find(a.id()).orElseThrow();
      assertThat(edited.email()).isEqualTo("ann@example.org");
      assertThat(edited.passwordHash()).contains("$secret");

      TestResponse create =
          ann.post(
              "/admin/account/new", Map.of("email", "bob@example.com", "passwordHash", "$forged"));
      assertThat(create.status()).isEqualTo(303);
      Account bob =
          accounts.findAll().stream()
              .filter(x -> x.email().equals("bob@example.com"))
              .findFirst()
              .orElseThrow();
      assertThat(bob.passwordHash()).isEmpty(); // a read-only default, not the form's value
      assertThat(bob.createdAt()).isBefore(Instant.now().plusSeconds(1));
    }
  }

  @Test
  void theKeyCannotBeHiddenNorAHiddenComponentListed() {
    try (var db = TestDatabase.create(Dialect.SQLITE)) {
      assertThatThrownBy(
              () ->
                  AdminSetupTest.app(db, Map.of())
                      .install(Admin.create().register(Account.class, m -> m.hide("id"))))
          .hasMessage(
              "hide(\"id\"): it is Account's key, which links its rows; remove it from hide(...)");
      assertThatThrownBy(
              () ->
                  AdminSetupTest.app(db, Map.of())
                      .install(
                          Admin.create()
                              .register(
                                  Account.class,
                                  m -> m.list("email", "passwordHash").hide("passwordHash"))))
          .hasMessage(
              "Account.passwordHash is hidden: it cannot also be a list column or searched; remove"
                  + " it from list(...)/search(...) or from hide(...)");
      assertThatThrownBy(
              () ->
                  AdminSetupTest.app(db, Map.of())
                      .install(Admin.create().register(Account.class, m -> m.hide("secret"))))
          .hasMessageStartingWith("hide(\"secret\"): record Account has no such component");
    }
  }
}
