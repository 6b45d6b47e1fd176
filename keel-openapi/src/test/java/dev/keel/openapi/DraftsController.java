package dev.keel.openapi;

import dev.keel.security.Principal;
import dev.keel.security.Requires;
import dev.keel.web.Body;
import dev.keel.web.Controller;
import dev.keel.web.Delete;
import dev.keel.web.Get;
import dev.keel.web.Post;
import java.util.List;
import java.util.Optional;

/** Drafts: guarded by keel-security. */
@Controller("/api/drafts")
@Requires("drafts:read")
final class DraftsController {
  record NewDraft(String text) {}

  record Draft(long id, String text, String author) {}

  /** Lists the drafts. */
  @Get
  List<Draft> list() {
    return List.of();
  }

  /** Adds a draft. */
  @Post
  @Requires("drafts:write")
  Draft add(@Body NewDraft body, Principal author) {
    return new Draft(1, body.text(), author.id());
  }

  @Delete("/{id}")
  @Requires({"drafts:write", "drafts:delete"})
  void delete(long id) {}

  /** Public controller in the same file: a Principal parameter alone, required or optional. */
  @Controller("/api/me")
  static final class MeController {
    @Get
    String me(Principal me) {
      return me.id();
    }

    @Get("/greeting")
    String greeting(Optional<Principal> me) {
      return "hello " + me.map(Principal::id).orElse("anonymous");
    }
  }
}
