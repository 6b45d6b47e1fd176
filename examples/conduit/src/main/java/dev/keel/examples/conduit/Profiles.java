package dev.keel.examples.conduit;

import dev.keel.core.NotFound;
import dev.keel.db.Database;
import dev.keel.security.Principal;
import dev.keel.web.Controller;
import dev.keel.web.Delete;
import dev.keel.web.Get;
import dev.keel.web.Post;
import java.util.Optional;

/** Public profiles, and following their authors. */
@Controller("/api/profiles")
public final class Profiles {
  /** A user as others see them; {@code following} is from the viewer's point of view. */
  public record Profile(String username, String bio, String image, boolean following) {}

  public record ProfileResponse(Profile profile) {}

  private final Database db;

  public Profiles(Database db) {
    this.db = db;
  }

  @Get("/{username}")
  ProfileResponse get(String username, Optional<Principal> viewer) {
    return new ProfileResponse(
        db.sql(
                """
                select username, bio, image, exists (select 1 from follow
                  where follower_id = :viewer and followee_id = u.id) as following
                from users u where username = :username""")
            .bind("viewer", ConduitApp.userId(viewer))
            .bind("username", username)
            .optional(Profile.class)
            .orElseThrow(() -> new NotFound("There is no user " + username + ".")));
  }

  @Post("/{username}/follow")
  ProfileResponse follow(String username, Principal me) {
    db.sql(
            """
            insert into follow (follower_id, followee_id) values (:me, :followee)
            on conflict do nothing""")
        .bind("me", ConduitApp.userId(me))
        .bind("followee", idOf(username))
        .update();
    return get(username, Optional.of(me));
  }

  @Delete("/{username}/follow")
  ProfileResponse unfollow(String username, Principal me) {
    db.sql("delete from follow where follower_id = :me and followee_id = :followee")
        .bind("me", ConduitApp.userId(me))
        .bind("followee", idOf(username))
        .update();
    return get(username, Optional.of(me));
  }

  private long idOf(String username) {
    return db.sql("select id from users where username = :username")
        .bind("username", username)
        .optional(Long.class)
        .orElseThrow(() -> new NotFound("There is no user " + username + "."));
  }
}
