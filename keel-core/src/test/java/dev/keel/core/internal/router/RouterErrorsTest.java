package dev.keel.core.internal.router;

import static dev.keel.core.internal.router.Routes.description;
import static dev.keel.core.internal.router.Routes.router;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouterErrorsTest {

  private static final String ALLOWED = ". Allowed: " + RoutePattern.GRAMMAR + ".";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "a/b             | it does not start with '/'",
        "\"\"            | it does not start with '/'",
        "/a/{id}/{id}    | parameter name 'id' is used twice",
        "/a/{id}/{*id}   | parameter name 'id' is used twice",
        "/a/{}           | segment '{}' has an empty parameter name",
        "/a/{*}          | segment '{*}' has an empty parameter name",
        "/{*rest}/a      | wildcard '{*rest}' is not the last segment",
        "/{*rest}/       | wildcard '{*rest}' is not the last segment",
        "/a/{id          | segment '{id' has unbalanced braces",
        "/a/id}          | segment 'id}' has unbalanced braces",
        "/a/{{id}        | segment '{{id}' has unbalanced braces",
        "/file{id}       | segment 'file{id}' mixes literal text and a parameter; a parameter is a"
            + " whole segment",
        "/{id}.json      | segment '{id}.json' mixes literal text and a parameter; a parameter is a"
            + " whole segment",
        "/}{             | segment '}{' mixes literal text and a parameter; a parameter is a whole"
            + " segment",
        "/{a}{b}         | segment '{a}{b}' holds more than one parameter",
        "/{1st}          | parameter name '1st' is not an identifier",
        "/{my-id}        | parameter name 'my-id' is not an identifier",
        "/{ id}          | parameter name ' id' is not an identifier",
        "/{**x}          | parameter name '*x' is not an identifier",
        "/a//b           | it has an empty segment ('//')",
        "//              | it has an empty segment ('//')",
        "/a/./b          | segment '.' is a dot segment",
        "/..             | segment '..' is a dot segment",
        "/caf%C3%A9      | segment 'caf%C3%A9' contains '%'",
        "/a?b=1          | segment 'a?b=1' contains '?'",
        "/a#top          | segment 'a#top' contains '#'",
      })
  void invalidPatternsAreRejectedWithTheGrammar(String pattern, String problem) {
    assertThatThrownBy(() -> Router.<String>builder().add("GET", pattern, "v", "d"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid route pattern '" + pattern + "': " + problem + ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/", "/a/", "/{_x9}", "/{*Rest_1}", "/a/{b}/c/{*d}", "/a.b/..c/.d", "/ü/~x"})
  void validPatternsAreAccepted(String pattern) {
    assertThatCode(() -> Router.<String>builder().add("GET", pattern, "v", "d").build())
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"get", "", "G ET", "1GET", "-X", "GET/"})
  void invalidMethodsAreRejected(String method) {
    assertThatThrownBy(() -> Router.<String>builder().add(method, "/a", "v", "route A"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid HTTP method '"
                + method
                + "' for route 'route A': use an upper-case token such as GET or POST"
                + " ([A-Z][A-Z0-9_-]*)");
  }

  @Test
  void extensionMethodsAreAccepted() {
    assertThat(router("PROPFIND /a", "M-SEARCH /a", "X_1 /a").allowedMethods("/a"))
        .containsExactly("M-SEARCH", "OPTIONS", "PROPFIND", "X_1");
  }

  @Test
  void duplicateRouteNamesBothRoutes() {
    assertThatThrownBy(() -> router("GET /a/b", "POST /a/b", "GET /a/b"))
        .isInstanceOf(RouteConflictException.class)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Duplicate route: '"
                + description("GET /a/b")
                + "' has the same method and path shape as '"
                + description("GET /a/b")
                + "' (GET /a/b; parameter names do not tell routes apart). Remove one of them.");
  }

  @Test
  void sameShapeWithDifferentParamNamesIsADuplicate() {
    assertThatThrownBy(() -> router("GET /a/{id}", "GET /a/{slug}"))
        .isInstanceOf(RouteConflictException.class)
        .hasMessage(
            "Duplicate route: '"
                + description("GET /a/{slug}")
                + "' has the same method and path shape as '"
                + description("GET /a/{id}")
                + "' (GET /a/{}; parameter names do not tell routes apart). Remove one of them.");
    assertThatThrownBy(() -> router("PUT /f/{*a}", "PUT /f/{*b}"))
        .isInstanceOf(RouteConflictException.class)
        .hasMessageStartingWith("Duplicate route: '" + description("PUT /f/{*b}") + "'")
        .hasMessageContaining("'" + description("PUT /f/{*a}") + "' (PUT /f/{*}");
  }

  @Test
  void explicitHeadNextToGetIsNotADuplicate() {
    assertThat(router("GET /a", "HEAD /a").routes()).hasSize(2);
  }

  @Test
  void differentParamNamesAtASharedPositionAreRejected() {
    assertThatThrownBy(() -> router("GET /a/{id}", "DELETE /a/{key}"))
        .isInstanceOf(RouteConflictException.class)
        .hasMessage(
            "Conflicting parameter names after '/a/': '"
                + description("DELETE /a/{key}")
                + "' calls it {key} but '"
                + description("GET /a/{id}")
                + "' calls it {id}. A parameter position shared by several routes has one name;"
                + " use the same name in both.");
  }

  @Test
  void paramNamesMustAgreeEvenWhenThePatternsDivergeLater() {
    assertThatThrownBy(() -> router("GET /u/{id}/posts", "GET /u/{user}/likes/{id}"))
        .isInstanceOf(RouteConflictException.class)
        .hasMessageContaining("after '/u/'")
        .hasMessageContaining("'" + description("GET /u/{user}/likes/{id}") + "' calls it {user}")
        .hasMessageContaining("'" + description("GET /u/{id}/posts") + "' calls it {id}");
    assertThatThrownBy(() -> router("GET /{a}/x/{b}", "GET /{a}/x/{c}/y"))
        .isInstanceOf(RouteConflictException.class)
        .hasMessageContaining("after '/{a}/x/'");
    // A literal sibling does not share the position, so its name is free.
    assertThat(router("GET /u/{id}/posts", "GET /v/{user}").routes()).hasSize(2);
  }

  @Test
  void differentWildcardNamesAtASharedPositionAreRejected() {
    assertThatThrownBy(() -> router("GET /f/{*path}", "POST /f/{*rest}"))
        .isInstanceOf(RouteConflictException.class)
        .hasMessage(
            "Conflicting parameter names after '/f/': '"
                + description("POST /f/{*rest}")
                + "' calls it {*rest} but '"
                + description("GET /f/{*path}")
                + "' calls it {*path}. A parameter position shared by several routes has one name;"
                + " use the same name in both.");
  }

  @Test
  void paramAndWildcardAtOnePositionMayHaveDifferentNames() {
    Router<String> r = router("GET /f/{id}", "GET /f/{*rest}");

    assertThat(r.find("GET", "/f/x")).isEqualTo(Routes.found("GET /f/{id}", "id", "x"));
    assertThat(r.find("GET", "/f/x/y")).isEqualTo(Routes.found("GET /f/{*rest}", "rest", "x/y"));
  }

  @Test
  void nullArgumentsAreRejected() {
    Router.Builder<String> b = Router.builder();
    assertThatThrownBy(() -> b.add("GET", "/a", null, "d"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.add("GET", null, "v", "d")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> router("GET /a").find("GET", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> router("GET /a").find(null, "/a"))
        .isInstanceOf(NullPointerException.class);
  }
}
