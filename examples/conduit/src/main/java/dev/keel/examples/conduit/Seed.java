package dev.keel.examples.conduit;

import dev.keel.db.Database;
import dev.keel.examples.conduit.Articles.NewArticle;
import dev.keel.examples.conduit.Articles.NewArticleRequest;
import dev.keel.examples.conduit.Comments.NewComment;
import dev.keel.examples.conduit.Comments.NewCommentRequest;
import dev.keel.examples.conduit.Users.NewUser;
import dev.keel.examples.conduit.Users.NewUserRequest;
import dev.keel.security.Jwt;
import dev.keel.security.Principal;
import java.util.List;

/**
 * The admin's account ({@value #ADMIN_EMAIL}), and two users, three articles, a follow, a favorite
 * and a comment for {@code ./keel demo}, written through the controllers (so with the same rules as
 * the API) when the database has no users.
 */
final class Seed {
  static final String PASSWORD = "conduit-demo";
  static final String ADMIN_EMAIL = "admin@example.com";

  private Seed() {}

  static void ifEmpty(Database db, Jwt jwt, Users users, Articles articles, Comments comments) {
    boolean empty = db.sql("select count(*) from users").one(Long.class) == 0;
    admin(db, jwt, users);
    if (!empty) return;
    Principal ann = register(users, jwt, "ann");
    Principal bob = register(users, jwt, "bob");
    String welcome =
        article(
            articles,
            ann,
            "Welcome to Conduit",
            "What this demo is",
            "Conduit is the RealWorld API, written with Keel's controllers and repositories.",
            List.of("keel", "welcome"));
    article(
        articles,
        ann,
        "Typed endpoints",
        "Records in, records out",
        "Bodies are records, validated with Jakarta annotations; see /docs.",
        List.of("keel", "java"));
    article(
        articles,
        bob,
        "SQLite by default",
        "No database server to install",
        "Set KEEL_DB_URL=postgres://... to run on PostgreSQL instead.",
        List.of("databases"));
    articles.favorite(welcome, bob);
    comments.create(welcome, new NewCommentRequest(new NewComment("Nice to meet you!")), bob);
  }

  /** The user {@value #ADMIN_EMAIL} with the Admin box ticked; made once, kept after. */
  static void admin(Database db, Jwt jwt, Users users) {
    String exists = "select count(*) from users where email = :email";
    if (db.sql(exists).bind("email", ADMIN_EMAIL).one(Long.class) == 0) {
      register(users, jwt, "admin");
      db.sql("update users set admin = :yes where email = :email")
          .bind("yes", true)
          .bind("email", ADMIN_EMAIL)
          .update();
    }
  }

  private static Principal register(Users users, Jwt jwt, String name) {
    var user = new NewUser(name, name + "@example.com", PASSWORD);
    return jwt.verify(users.register(new NewUserRequest(user)).user().token());
  }

  private static String article(
      Articles articles,
      Principal author,
      String title,
      String about,
      String body,
      List<String> tags) {
    var article = new NewArticle(title, about, body, tags);
    return articles.create(new NewArticleRequest(article), author).article().slug();
  }
}
