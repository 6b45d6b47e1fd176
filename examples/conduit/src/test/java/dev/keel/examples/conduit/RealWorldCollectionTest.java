package dev.keel.examples.conduit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * Where {@link RealWorldSuiteTest} finds the collection: a user's clone without it skips the suite
 * with a line saying how to run it; CI ({@code REALWORLD_REQUIRED=1}) fails instead.
 */
class RealWorldCollectionTest {
  @TempDir Path dir;

  @Test
  void aMissingCollectionSkipsTheSuiteWithHowToRunIt() {
    Path nowhere = dir.resolve("nowhere/Conduit.postman_collection.json");
    for (var env :
        java.util.List.of(
            Map.of("COLLECTION", nowhere.toString()),
            Map.of("COLLECTION", nowhere.toString(), RealWorldSuiteTest.REQUIRE, "0"))) {
      assertThatThrownBy(() -> RealWorldSuiteTest.collection(env))
          .isInstanceOf(TestAbortedException.class)
          .hasMessage(
              "no RealWorld collection at "
                  + nowhere
                  + "; to run the suite, set COLLECTION=/path/to/Conduit.postman_collection.json"
                  + " (api/ of github.com/gothinkster/realworld)");
    }
  }

  @Test
  void aMissingCollectionFailsWhenCiRequiresTheSuite() {
    Path nowhere = dir.resolve("nowhere/Conduit.postman_collection.json");
    for (String value : java.util.List.of("1", "true")) {
      var env = Map.of("COLLECTION", nowhere.toString(), RealWorldSuiteTest.REQUIRE, value);
      assertThatThrownBy(() -> RealWorldSuiteTest.collection(env))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith(
              "REALWORLD_REQUIRED=" + value + " requires the RealWorld suite, but no RealWorld")
          .hasMessageContaining("collection at " + nowhere + "; to run the suite, set COLLECTION=");
    }
  }

  @Test
  void anExistingCollectionIsUsed() throws Exception {
    Path file = Files.writeString(dir.resolve("c.json"), "{}");
    var env = Map.of("COLLECTION", file.toString(), RealWorldSuiteTest.REQUIRE, "1");
    assertThat(RealWorldSuiteTest.collection(env)).isEqualTo(file);
    // without COLLECTION: shared/realworld beside the repository (present in this project's CI)
    Path beside =
        RealWorldSuiteTest.repoRoot()
            .getParent()
            .resolve("shared/realworld/Conduit.postman_collection.json");
    if (Files.isRegularFile(beside)) {
      assertThat(RealWorldSuiteTest.collection(Map.of())).isEqualTo(beside);
    }
  }
}
