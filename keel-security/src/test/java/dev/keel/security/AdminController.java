package dev.keel.security;

import dev.keel.web.Controller;
import dev.keel.web.Delete;
import dev.keel.web.Get;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Class-level {@code @Requires} guards every route; a method's adds to it. */
@Controller("/admin")
@Requires("admin:access")
public final class AdminController {
  public record Account(String id, String bio, Set<String> roles) {}

  final Map<String, Account> accounts = new ConcurrentHashMap<>();

  @Get("/accounts")
  List<String> accounts() {
    return accounts.keySet().stream().sorted().toList();
  }

  @Delete("/accounts/{id}")
  @Requires("accounts:delete")
  void delete(String id) {
    accounts.remove(id);
  }

  /** No method-level annotation: the class's admin:access still applies. */
  @Get("/whoami")
  String whoami(Principal me) {
    return me.id();
  }
}
