package dev.keel.core.internal.router;

import static dev.keel.core.internal.router.Routes.found;
import static dev.keel.core.internal.router.Routes.router;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.internal.router.Lookup.Found;
import dev.keel.core.internal.router.Lookup.ImplicitOptions;
import dev.keel.core.internal.router.Lookup.MethodNotAllowed;
import dev.keel.core.internal.router.Lookup.NotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

  private static final NotFound<String> NOT_FOUND = new NotFound<>();

  @Test
  void matchesStaticRoutesExactly() {
    Router<String> r = router("GET /api/articles", "GET /api/users", "GET /api");

    assertThat(r.find("GET", "/api/articles")).isEqualTo(found("GET /api/articles"));
    assertThat(r.find("GET", "/api/users")).isEqualTo(found("GET /api/users"));
    assertThat(r.find("GET", "/api")).isEqualTo(found("GET /api"));
    assertThat(r.find("GET", "/api/article")).isEqualTo(NOT_FOUND);
    assertThat(r.find("GET", "/api/articles/1")).isEqualTo(NOT_FOUND);
    assertThat(r.find("GET", "/API")).isEqualTo(NOT_FOUND);
    assertThat(r.find("GET", "/")).isEqualTo(NOT_FOUND);
  }

  @Test
  void staticRoutesReuseOneFoundInstance() {
    Router<String> r = router("GET /a/b");

    assertThat(r.find("GET", "/a/b")).isSameAs(r.find("GET", "/a/b"));
    assertThat(((Found<String>) r.find("GET", "/a/b")).params()).isSameAs(PathParams.empty());
  }

  @Test
  void capturesParameters() {
    Router<String> r = router("GET /articles/{slug}/comments/{id}");

    Found<String> f = (Found<String>) r.find("GET", "/articles/hello-world/comments/42");
    assertThat(f.value()).isEqualTo("GET /articles/{slug}/comments/{id}");
    assertThat(f.pattern()).isEqualTo("/articles/{slug}/comments/{id}");
    assertThat(f.params().names()).containsExactly("slug", "id");
    assertThat(f.params().get("slug")).isEqualTo("hello-world");
    assertThat(f.params().get("id")).isEqualTo("42");
    assertThat(r.find("GET", "/articles//comments/42")).isEqualTo(NOT_FOUND);
    assertThat(r.find("GET", "/articles/x/comments/")).isEqualTo(NOT_FOUND);
  }

  @Test
  void staticBeatsParamBeatsWildcard() {
    Router<String> r = router("GET /a/new", "GET /a/{id}", "GET /a/{*rest}");

    assertThat(r.find("GET", "/a/new")).isEqualTo(found("GET /a/new"));
    assertThat(r.find("GET", "/a/old")).isEqualTo(found("GET /a/{id}", "id", "old"));
    assertThat(r.find("GET", "/a/new/x")).isEqualTo(found("GET /a/{*rest}", "rest", "new/x"));
    assertThat(r.find("GET", "/a/")).isEqualTo(found("GET /a/{*rest}", "rest", ""));
  }

  @Test
  void backtracksFromStaticToParam() {
    Router<String> r = router("GET /a/b/c", "GET /a/{x}/d");

    assertThat(r.find("GET", "/a/b/c")).isEqualTo(found("GET /a/b/c"));
    assertThat(r.find("GET", "/a/b/d")).isEqualTo(found("GET /a/{x}/d", "x", "b"));
    assertThat(r.find("GET", "/a/b/e")).isEqualTo(NOT_FOUND);
  }

  @Test
  void backtracksFromParamToWildcardAndAcrossLevels() {
    Router<String> r = router("GET /a/{x}/c", "GET /a/{*rest}", "GET /{p}/b/{q}", "GET /a/b/{y}/z");

    assertThat(r.find("GET", "/a/b/c")).isEqualTo(found("GET /a/{x}/c", "x", "b"));
    assertThat(r.find("GET", "/a/b/q/z")).isEqualTo(found("GET /a/b/{y}/z", "y", "q"));
    // /a/b/q: /a/b/{y} needs /z, /a/{x} needs /c, so the wildcard under /a wins over /{p}/b/{q}.
    assertThat(r.find("GET", "/a/b/q")).isEqualTo(found("GET /a/{*rest}", "rest", "b/q"));
    assertThat(r.find("GET", "/x/b/q")).isEqualTo(found("GET /{p}/b/{q}", "p", "x", "q", "q"));
  }

  @Test
  void backtracksOutOfAStaticSubtreeThatEndsTooEarly() {
    Router<String> r = router("GET /a/b", "GET /{x}/b/c");

    // "a" is a literal but /a/b has no /c below it, so the param branch at the root must win.
    assertThat(r.find("GET", "/a/b/c")).isEqualTo(found("GET /{x}/b/c", "x", "a"));
    // A static node that exists only as a prefix is not a route by itself.
    assertThat(r.find("GET", "/a")).isEqualTo(NOT_FOUND);
  }

  @Test
  void wildcardTakesTheRestIncludingSlashesAndEmptySegments() {
    Router<String> r = router("GET /files/{*path}");

    assertThat(r.find("GET", "/files/a/b/c.txt"))
        .isEqualTo(found("GET /files/{*path}", "path", "a/b/c.txt"));
    assertThat(r.find("GET", "/files/")).isEqualTo(found("GET /files/{*path}", "path", ""));
    assertThat(r.find("GET", "/files//x/")).isEqualTo(found("GET /files/{*path}", "path", "/x/"));
    assertThat(r.find("GET", "/files")).isEqualTo(NOT_FOUND);
  }

  @Test
  void wildcardAfterParameters() {
    Router<String> r = router("GET /{owner}/{repo}/blob/{*path}");

    assertThat(r.find("GET", "/keel/core/blob/src/Main.java"))
        .isEqualTo(
            found(
                "GET /{owner}/{repo}/blob/{*path}",
                "owner",
                "keel",
                "repo",
                "core",
                "path",
                "src/Main.java"));
  }

  @Test
  void rootIsARouteAndRootWildcardCatchesTheRest() {
    Router<String> r = router("GET /", "GET /{*all}");

    assertThat(r.find("GET", "/")).isEqualTo(found("GET /"));
    assertThat(r.find("GET", "/x")).isEqualTo(found("GET /{*all}", "all", "x"));
    assertThat(r.find("GET", "//")).isEqualTo(found("GET /{*all}", "all", "/"));
    assertThat(router("GET /{*all}").find("GET", "/")).isEqualTo(found("GET /{*all}", "all", ""));
    assertThat(router("GET /{id}").find("GET", "/")).isEqualTo(NOT_FOUND);
  }

  @Test
  void trailingSlashIsSignificant() {
    Router<String> r = router("GET /a", "GET /b/", "GET /c/{id}/");

    assertThat(r.find("GET", "/a")).isEqualTo(found("GET /a"));
    assertThat(r.find("GET", "/a/")).isEqualTo(NOT_FOUND);
    assertThat(r.find("GET", "/b/")).isEqualTo(found("GET /b/"));
    assertThat(r.find("GET", "/b")).isEqualTo(NOT_FOUND);
    assertThat(r.find("GET", "/b//")).isEqualTo(NOT_FOUND);
    assertThat(r.find("GET", "/c/1/")).isEqualTo(found("GET /c/{id}/", "id", "1"));
    assertThat(r.find("GET", "/c/1")).isEqualTo(NOT_FOUND);
  }

  @Test
  void doubleSlashMakesAnEmptySegmentThatOnlyAWildcardMatches() {
    Router<String> r = router("GET /a/b", "GET /a/{x}/c", "GET /a/{x}", "GET /a/");

    assertThat(r.find("GET", "//a/b")).isEqualTo(NOT_FOUND);
    assertThat(r.find("GET", "/a//b")).isEqualTo(NOT_FOUND);
    assertThat(r.find("GET", "/a//c")).isEqualTo(NOT_FOUND);
    assertThat(router("GET /a/b", "GET /a/{*r}").find("GET", "/a//b"))
        .isEqualTo(found("GET /a/{*r}", "r", "/b"));
  }

  @Test
  void pathsThatAreNotOriginFormMatchNothing() {
    Router<String> r = router("GET /", "GET /{*all}");

    assertThat(r.find("GET", "")).isEqualTo(NOT_FOUND);
    assertThat(r.find("OPTIONS", "*")).isEqualTo(NOT_FOUND);
    assertThat(r.find("GET", "http://host/x")).isEqualTo(NOT_FOUND);
    assertThat(r.allowedMethods("*")).isEmpty();
  }

  @Test
  void headFallsBackToGetUnlessHeadIsExplicit() {
    Router<String> r = router("GET /a", "GET /b", "HEAD /b", "GET /c/{id}", "POST /d");

    assertThat(r.find("HEAD", "/a")).isEqualTo(found("GET /a"));
    assertThat(r.find("HEAD", "/b")).isEqualTo(found("HEAD /b"));
    assertThat(r.find("HEAD", "/c/7")).isEqualTo(found("GET /c/{id}", "id", "7"));
    assertThat(r.find("HEAD", "/d"))
        .isEqualTo(new MethodNotAllowed<String>(Set.of("OPTIONS", "POST")));
  }

  @Test
  void methodNotAllowedListsSortedMethodsWithHeadAndOptions() {
    Router<String> r = router("PUT /a/{id}", "GET /a/{id}", "DELETE /a/{id}");

    Lookup<String> lookup = r.find("POST", "/a/1");
    assertThat(lookup).isInstanceOf(MethodNotAllowed.class);
    assertThat(((MethodNotAllowed<String>) lookup).allowed())
        .containsExactly("DELETE", "GET", "HEAD", "OPTIONS", "PUT");
    assertThat(r.allowedMethods("/a/1")).containsExactly("DELETE", "GET", "HEAD", "OPTIONS", "PUT");
    assertThat(r.find("get", "/a/1")).isInstanceOf(MethodNotAllowed.class);
  }

  @Test
  void optionsIsAnsweredImplicitlyUnlessExplicit() {
    Router<String> r = router("POST /a", "OPTIONS /b", "GET /b");

    assertThat(r.find("OPTIONS", "/a"))
        .isEqualTo(new ImplicitOptions<String>(Set.of("OPTIONS", "POST")));
    assertThat(r.find("OPTIONS", "/b")).isEqualTo(found("OPTIONS /b"));
    assertThat(r.allowedMethods("/b")).containsExactly("GET", "HEAD", "OPTIONS");
    assertThat(r.find("OPTIONS", "/nope")).isEqualTo(NOT_FOUND);
    assertThat(r.allowedMethods("/nope")).isEmpty();
  }

  @Test
  void pathSelectsThePatternBeforeTheMethodIsConsidered() {
    Router<String> r = router("GET /users/me", "DELETE /users/{id}");

    assertThat(r.find("DELETE", "/users/42")).isEqualTo(found("DELETE /users/{id}", "id", "42"));
    assertThat(r.find("DELETE", "/users/me"))
        .isEqualTo(new MethodNotAllowed<String>(Set.of("GET", "HEAD", "OPTIONS")));
    assertThat(r.allowedMethods("/users/me")).containsExactly("GET", "HEAD", "OPTIONS");
  }

  @Test
  void allowedSetComesFromThePatternReachedAfterBacktracking() {
    Router<String> r = router("GET /a/b/c", "POST /a/{x}/d", "PUT /a/{*rest}");

    assertThat(r.find("GET", "/a/b/d"))
        .isEqualTo(new MethodNotAllowed<String>(Set.of("OPTIONS", "POST")));
    assertThat(r.allowedMethods("/a/b/c")).containsExactly("GET", "HEAD", "OPTIONS");
    assertThat(r.allowedMethods("/a/b/e")).containsExactly("OPTIONS", "PUT");
    assertThat(r.find("POST", "/a/b/c"))
        .isEqualTo(new MethodNotAllowed<String>(Set.of("GET", "HEAD", "OPTIONS")));
  }

  @Test
  void manyStaticSiblingsIncludingHashCollisionsAreAllFound() {
    // "Aa" and "BB" share a hash code, which exercises probing in the hashed child table.
    List<String> specs =
        new ArrayList<>(List.of("GET /Aa", "GET /BB", "GET /AaAa", "GET /BBBB", "GET /AaBB"));
    for (int i = 0; i < 60; i++) {
      specs.add("GET /s" + i);
    }
    specs.add("GET /{other}");
    Router<String> r = router(specs.toArray(String[]::new));

    for (String spec : specs.subList(0, specs.size() - 1)) {
      assertThat(r.find("GET", spec.substring(4))).isEqualTo(found(spec));
    }
    assertThat(r.find("GET", "/BBAa")).isEqualTo(found("GET /{other}", "other", "BBAa"));
    assertThat(r.find("GET", "/s60")).isEqualTo(found("GET /{other}", "other", "s60"));
    assertThat(r.find("GET", "/%41a")).isEqualTo(found("GET /Aa"));
  }

  @Test
  void routeTableIsSortedByPatternThenMethod() {
    Router<String> r =
        router("POST /b", "GET /b/{id}", "GET /a", "DELETE /b/{id}", "GET /b", "GET /", "GET /a/");

    assertThat(r.routes())
        .extracting(i -> i.method() + " " + i.pattern())
        .containsExactly(
            "GET /", "GET /a", "GET /a/", "GET /b", "POST /b", "DELETE /b/{id}", "GET /b/{id}");
    assertThat(r.routes().getFirst())
        .isEqualTo(new RouteInfo("GET", "/", Routes.description("GET /")));
  }

  @Test
  void routerIsUnaffectedByLaterBuilderChanges() {
    Router.Builder<String> builder = Router.builder();
    Routes.add(builder, "GET /a");
    Router<String> first = builder.build();
    Routes.add(builder, "GET /b");

    assertThat(first.find("GET", "/b")).isEqualTo(NOT_FOUND);
    assertThat(first.routes()).hasSize(1);
    assertThat(builder.build().find("GET", "/b")).isEqualTo(found("GET /b"));
  }

  @Test
  void pathParamsAccessors() {
    PathParams p = Routes.params("a", "1", "b", "2");

    assertThat(p.get("b")).isEqualTo("2");
    assertThat(p.find("a")).contains("1");
    assertThat(p.find("c")).isEmpty();
    assertThat(p.size()).isEqualTo(2);
    assertThat(p.asMap())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("a", "1"),
            org.assertj.core.api.Assertions.entry("b", "2"));
    assertThat(p)
        .isNotEqualTo(Routes.params("a", "1", "b", "3"))
        .hasSameHashCodeAs(Routes.params("a", "1", "b", "2"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.get("c"))
        .isInstanceOf(java.util.NoSuchElementException.class)
        .hasMessageContaining("'c'")
        .hasMessageContaining("[a, b]");
  }
}
