package dev.keel.examples.conduit;

import dev.keel.examples.conduit.Articles.NewArticle;
import dev.keel.examples.conduit.Articles.NewArticleRequest;
import dev.keel.examples.conduit.Users.LoginUser;
import dev.keel.examples.conduit.Users.LoginUserRequest;
import dev.keel.examples.conduit.Users.NewUser;
import dev.keel.examples.conduit.Users.NewUserRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Drives the generated Java client against a running Conduit; ConduitClientsTest compiles it with
 * ConduitClient.java (javax.tools) and checks the lines it returns.
 */
public final class ClientTour implements BiFunction<URI, String, List<String>> {
  @Override
  public List<String> apply(URI base, String name) {
    var lines = new ArrayList<String>();
    var anonymous = new ConduitClient(base);
    var registered =
        anonymous
            .users()
            .register(new NewUserRequest(new NewUser(name, name + "@example.com", "secret-123")));
    lines.add("register: " + registered.user().username());
    var login =
        anonymous
            .users()
            .login(new LoginUserRequest(new LoginUser(name + "@example.com", "secret-123")));
    ConduitClient me = anonymous.withHeader("Authorization", "Token " + login.user().token());
    lines.add("login: " + me.users().current().user().email());
    var created =
        me.articles()
            .create(
                new NewArticleRequest(
                    new NewArticle("From Java " + name, "typed", "b", List.of("java"))));
    lines.add("create: " + created.article().slug() + " by " + created.article().author().username());
    var listed =
        anonymous
            .articles()
            .list(Optional.empty(), Optional.of(name), Optional.empty(), Optional.of(5), Optional.empty());
    lines.add("list: " + listed.articlesCount() + " " + listed.articles().getFirst().title());
    try {
      anonymous.articles().get("no-such-article");
      lines.add("missing: found?!");
    } catch (ConduitClient.ApiException e) {
      var body = e.body(ConduitApp.GenericErrorModel.class);
      lines.add("missing: " + e.status() + " " + body.errors().body());
    }
    try {
      me.articles().create(new NewArticleRequest(new NewArticle("", "d", "b", List.of())));
      lines.add("invalid: accepted?!");
    } catch (ConduitClient.ApiException e) {
      var body = e.body(ConduitApp.GenericErrorModel.class);
      lines.add("invalid: " + e.status() + " " + body.errors().body());
    }
    return lines;
  }
}
