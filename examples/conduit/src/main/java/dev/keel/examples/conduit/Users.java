package dev.keel.examples.conduit;

import dev.keel.core.Context;
import dev.keel.core.Unauthorized;
import dev.keel.core.UnprocessableContent;
import dev.keel.db.Database;
import dev.keel.db.Id;
import dev.keel.db.Query;
import dev.keel.db.Repository;
import dev.keel.db.Table;
import dev.keel.jobs.Jobs;
import dev.keel.security.Jwt;
import dev.keel.security.LoginThrottle;
import dev.keel.security.PasswordHasher;
import dev.keel.security.Principal;
import dev.keel.security.SecurityEvents;
import dev.keel.web.Body;
import dev.keel.web.Controller;
import dev.keel.web.Get;
import dev.keel.web.Post;
import dev.keel.web.Put;
import dev.keel.web.Status;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** Registration, login and the current user's account. */
@Controller("/api")
public final class Users {
  /** An account as stored; the password only as its Argon2id hash. */
  @Table("users")
  record Account(
      @Id long id, String username, String email, String passwordHash, String bio, String image) {}

  public record NewUser(
      @NotBlank
          @Size(max = 40)
          @Pattern(regexp = "[\\w.-]+", message = "may only use letters, digits, '.', '-' and '_'")
          String username,
      @NotBlank @Email String email,
      @NotBlank @Size(min = 8, max = 200) String password) {}

  public record NewUserRequest(@NotNull @Valid NewUser user) {}

  public record LoginUser(@NotBlank String email, @NotBlank String password) {}

  public record LoginUserRequest(@NotNull @Valid LoginUser user) {}

  /** Only the fields sent are changed. */
  public record UpdateUser(
      @Email String email,
      @Size(min = 1, max = 40) @Pattern(regexp = "[\\w.-]+") String username,
      @Size(min = 8, max = 200) String password,
      String bio,
      String image) {}

  public record UpdateUserRequest(@NotNull @Valid UpdateUser user) {}

  /** The signed-in user, with a fresh token for the {@code Authorization: Token} header. */
  public record User(String email, String token, String username, String bio, String image) {}

  public record UserResponse(User user) {}

  private final Repository<Account> accounts;
  private final PasswordHasher passwords = PasswordHasher.argon2id();
  private final LoginThrottle throttle = LoginThrottle.defaults();
  private final Jwt jwt;

  private final Database db;
  private final Jobs jobs;
  private final People people;

  public Users(Database db, Jwt jwt, Jobs jobs, People people) {
    this.accounts = db.repository(Account.class);
    this.jwt = jwt;
    this.db = db;
    this.jobs = jobs;
    this.people = people;
  }

  /** Registers a user; the response carries a token, so the client is signed in at once. */
  @Post("/users")
  @Status(201)
  UserResponse register(@Body @Valid NewUserRequest request) {
    NewUser in = request.user();
    requireFree("username", in.username(), 0);
    requireFree("email", in.email(), 0);
    String hash = passwords.hash(in.password());
    Account account =
        db.transaction(
            () -> {
              Account a =
                  accounts.insert(new Account(0, in.username(), in.email(), hash, null, null));
              // the mail is sent only if the account exists: both commit or neither does
              jobs.enqueue(new Mail.SendWelcomeMail(a.id()));
              return a;
            });
    return response(account);
  }

  /** Signs in with email and password; 401 for a wrong pair, 429 after too many tries. */
  @Post("/users/login")
  UserResponse login(@Body @Valid LoginUserRequest request, Context ctx) {
    LoginUser in = request.user();
    throttle.check(ctx, in.email());
    // the password check is People's: in the split layout it runs in the people process
    Optional<Account> account = people.signIn(in.email(), in.password()).flatMap(accounts::find);
    if (account.isEmpty()) {
      SecurityEvents.loginFailed(ctx, in.email(), "bad_credentials");
      throw new Unauthorized("email or password is invalid");
    }
    SecurityEvents.loginSucceeded(ctx, in.email());
    return response(account.get());
  }

  @Get("/user")
  UserResponse current(Principal me) {
    return response(find(me));
  }

  @Put("/user")
  UserResponse update(@Body @Valid UpdateUserRequest request, Principal me) {
    UpdateUser in = request.user();
    Account a = find(me);
    if (in.username() != null) requireFree("username", in.username(), a.id());
    if (in.email() != null) requireFree("email", in.email(), a.id());
    Account changed =
        new Account(
            a.id(),
            in.username() != null ? in.username() : a.username(),
            in.email() != null ? in.email() : a.email(),
            in.password() != null ? passwords.hash(in.password()) : a.passwordHash(),
            in.bio() != null ? in.bio() : a.bio(),
            in.image() != null ? in.image() : a.image());
    return response(accounts.update(changed));
  }

  /** Whether a token's subject is an account; Long.parseLong's exception counts as no. */
  boolean exists(Principal p) {
    return people.exists(ConduitApp.userId(p));
  }

  private Account find(Principal me) {
    return accounts
        .find(ConduitApp.userId(me))
        .orElseThrow(() -> new Unauthorized("the account of this token no longer exists"));
  }

  /** A friendly 422 before the database's unique constraint would answer 409. */
  private void requireFree(String column, String value, long exceptId) {
    var taken = Query.all().where(column, value).where("id", Query.Filter.Op.NE, exceptId);
    if (accounts.exists(taken)) throw new UnprocessableContent(column + " has already been taken");
  }

  private UserResponse response(Account a) {
    String token = jwt.issue(Principal.of(Long.toString(a.id())));
    return new UserResponse(new User(a.email(), token, a.username(), a.bio(), a.image()));
  }
}
