package dev.keel.examples.conduit;

import dev.keel.db.Database;
import dev.keel.examples.conduit.Profiles.Profile;
import dev.keel.security.PasswordHasher;
import java.util.List;
import java.util.Optional;

/** {@link People} on the users and follow tables; the only class of Conduit that reads them. */
final class PeopleImpl implements People {
  private static final String PROFILE =
      """
      select u.id, u.username, u.bio, u.image, exists (select 1 from follow w
        where w.follower_id = :viewer and w.followee_id = u.id) as following
      from users u\s""";

  record Row(long id, String username, String bio, String image, boolean following) {
    Author toAuthor() {
      return new Author(id, new Profile(username, bio, image, following));
    }
  }

  record Credentials(long id, String passwordHash) {}

  private final Database db;
  private final PasswordHasher passwords = PasswordHasher.argon2id();

  PeopleImpl(Database db) {
    this.db = db;
  }

  @Override
  public List<Author> authors(List<Long> ids, long viewer) {
    if (ids.isEmpty()) return List.of();
    return db
        .sql(PROFILE + "where u.id in (:ids)")
        .bind("viewer", viewer)
        .bind("ids", ids.stream().distinct().toList())
        .list(Row.class)
        .stream()
        .map(Row::toAuthor)
        .toList();
  }

  @Override
  public Optional<Profile> profile(String username, long viewer) {
    return db.sql(PROFILE + "where u.username = :username")
        .bind("viewer", viewer)
        .bind("username", username)
        .optional(Row.class)
        .map(r -> r.toAuthor().profile());
  }

  @Override
  public Optional<Long> idOf(String username) {
    return db.sql("select id from users where username = :username")
        .bind("username", username)
        .optional(Long.class);
  }

  @Override
  public List<Long> followees(long follower) {
    return db.sql("select followee_id from follow where follower_id = :follower")
        .bind("follower", follower)
        .list(Long.class);
  }

  @Override
  public void follow(long follower, long followee) {
    db.sql(
            """
            insert into follow (follower_id, followee_id) values (:follower, :followee)
            on conflict do nothing""")
        .bind("follower", follower)
        .bind("followee", followee)
        .update();
  }

  @Override
  public void unfollow(long follower, long followee) {
    db.sql("delete from follow where follower_id = :follower and followee_id = :followee")
        .bind("follower", follower)
        .bind("followee", followee)
        .update();
  }

  @Override
  public boolean exists(long id) {
    return db.sql("select count(*) from users where id = :id").bind("id", id).one(Integer.class)
        > 0;
  }

  @Override
  public Optional<Long> signIn(String email, String password) {
    Optional<Credentials> account =
        db.sql("select id, password_hash from users where email = :email")
            .bind("email", email)
            .optional(Credentials.class);
    // an account made in the admin has no password hash (the admin never shows it): no sign-in
    Optional<String> hash =
        account.map(Credentials::passwordHash).filter(h -> h.startsWith("$argon2"));
    // verify runs (on a dummy hash) even without an account: the time does not tell emails apart
    return passwords.verify(password, hash) ? account.map(Credentials::id) : Optional.empty();
  }
}
