package dev.keel.examples.conduit;

import dev.keel.core.NotFound;
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

  private final People people;

  public Profiles(People people) {
    this.people = people;
  }

  @Get("/{username}")
  ProfileResponse get(String username, Optional<Principal> viewer) {
    return new ProfileResponse(
        people
            .profile(username, ConduitApp.userId(viewer))
            .orElseThrow(() -> new NotFound("There is no user " + username + ".")));
  }

  @Post("/{username}/follow")
  ProfileResponse follow(String username, Principal me) {
    people.follow(ConduitApp.userId(me), idOf(username));
    return get(username, Optional.of(me));
  }

  @Delete("/{username}/follow")
  ProfileResponse unfollow(String username, Principal me) {
    people.unfollow(ConduitApp.userId(me), idOf(username));
    return get(username, Optional.of(me));
  }

  private long idOf(String username) {
    return people
        .idOf(username)
        .orElseThrow(() -> new NotFound("There is no user " + username + "."));
  }
}
