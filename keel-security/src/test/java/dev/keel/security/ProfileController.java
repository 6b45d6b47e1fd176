package dev.keel.security;

import dev.keel.security.AdminController.Account;
import dev.keel.web.Body;
import dev.keel.web.Controller;
import dev.keel.web.Put;
import java.util.Set;

/** A user edits their own profile; the body cannot carry roles or permissions. */
@Controller("/api/profile")
public final class ProfileController {
  /** All a user may change about themselves: roles are not in it. */
  public record ProfileUpdate(String bio) {}

  private final AdminController admin;

  public ProfileController(AdminController admin) {
    this.admin = admin;
  }

  @Put
  Account update(@Body ProfileUpdate update, Principal me) {
    Account current =
        admin.accounts.getOrDefault(me.id(), new Account(me.id(), "", Set.of("user")));
    Account changed = new Account(me.id(), update.bio(), current.roles());
    admin.accounts.put(me.id(), changed);
    return changed;
  }
}
