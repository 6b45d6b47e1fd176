package dev.keel.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schema is built beside the rest of start-up (ADR 0030) and joined before the port opens: a
 * broken one still stops start-up, and a good one is complete at the first request.
 */
class SchemaAtStartTest {

  @GraphQlApi
  public static final class Shop {
    public record Item(long id, String name) {}

    @Query
    public List<Item> items() {
      return List.of(new Item(1, "lamp"));
    }
  }

  /** Bound by the hand-written {@link SchemaAtStartTest_BrokenGraphQl}, whose schema is wrong. */
  public static final class Broken {}

  private static Keel app(Object... apis) {
    Config config =
        Config.builder().defaults(Map.of("keel.server.port", "0", "keel.profile", "test")).build();
    return Keel.create(config).install(GraphQl.create(apis));
  }

  @Test
  void aBrokenSchemaStopsStartUpAndThePortNeverOpens() {
    Keel app = app(new Shop(), new Broken());
    assertThatThrownBy(app::start).hasMessageContaining("Gadget");
    assertThatThrownBy(app::port).hasMessageContaining("not started");
  }

  @Test
  void aGoodSchemaIsReadyAtTheFirstRequest() {
    Keel app = app(new Shop()).start();
    try (var client = TestClient.overSocket(app)) {
      var r = client.post("/graphql").json(Map.of("query", "{ items { id name } }")).send();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().get("data").get("items").get(0).get("name").asString()).isEqualTo("lamp");
      assertThat(client.get("/graphql/schema.graphql").send().text()).contains("items: [Item!]!");
    } finally {
      app.stop();
    }
  }
}
