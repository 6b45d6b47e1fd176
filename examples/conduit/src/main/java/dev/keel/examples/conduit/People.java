package dev.keel.examples.conduit;

import dev.keel.examples.conduit.Profiles.Profile;
import dev.keel.services.Component;
import dev.keel.services.Idempotent;
import java.util.List;
import java.util.Optional;

/**
 * Users, their profiles and who follows whom, as the rest of Conduit sees them: articles and
 * comments ask this component for their authors instead of joining the users table. In the single
 * layout a call is a plain method call; in the split layout of {@code keel-deploy.properties} it
 * goes over HTTP to the process hosting it. A viewer of 0 is an anonymous reader.
 */
@Component
public interface People {
  /** An author: a user's id with the profile the viewer sees. */
  record Author(long id, Profile profile) {}

  /** The profiles of these users as the viewer sees them; unknown ids are left out. */
  @Idempotent
  List<Author> authors(List<Long> ids, long viewer);

  /** The profile of {@code username} as the viewer sees it. */
  @Idempotent
  Optional<Profile> profile(String username, long viewer);

  /** The id of the user called {@code username}. */
  @Idempotent
  Optional<Long> idOf(String username);

  /** The ids of the users {@code follower} follows. */
  @Idempotent
  List<Long> followees(long follower);

  /** Follows; following twice is following once. */
  @Idempotent
  void follow(long follower, long followee);

  @Idempotent
  void unfollow(long follower, long followee);

  /** Whether the user exists (a token may outlive its account). */
  @Idempotent
  boolean exists(long id);

  /** The id of the account with this email and password; empty for a wrong pair. */
  Optional<Long> signIn(String email, String password);
}
