package dev.keel.ai.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.NotFound;
import dev.keel.security.Principal;
import jakarta.validation.constraints.NotBlank;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ToolsTest {
  record OrderQuery(@NotBlank String orderId) {}

  record Status(String orderId, String state) {}

  private final AtomicInteger runs = new AtomicInteger();

  private Status status(OrderQuery q) {
    runs.incrementAndGet();
    if (q.orderId().equals("X")) throw new NotFound("No order 'X'.");
    return new Status(q.orderId(), "shipped");
  }

  private final Tools tools =
      Tools.of(
          Tool.of("order_status", "The status of one order", OrderQuery.class, this::status)
              .requires("orders:read"));
  private final Optional<Principal> reader =
      Optional.of(Principal.of("u1").withPermissions("orders:read"));

  @Test
  void aPermittedCallRunsAndAnswersJson() {
    assertThat(tools.call("order_status", "{\"orderId\":\"A-1\"}", reader))
        .isEqualTo(ToolResult.ok("{\"orderId\":\"A-1\",\"state\":\"shipped\"}"));
  }

  @Test
  void aPrincipalWithoutThePermissionIsRefusedWithoutRunning() {
    var r = tools.call("order_status", "{\"orderId\":\"A-1\"}", Optional.of(Principal.of("u2")));
    assertThat(r.error()).isTrue();
    assertThat(r.content())
        .isEqualTo(
            "Refused: the tool 'order_status' needs the permission 'orders:read', which the current"
                + " user 'u2' does not have. Do not retry; tell the user this is not allowed for them.");
    assertThat(tools.call("order_status", "{}", Optional.empty()).content())
        .contains("current anonymous user");
    assertThat(runs).hasValue(0);
  }

  @Test
  void aWildcardPermissionIsEnough() {
    var admin = Optional.of(Principal.of("a").withPermissions("orders:*"));
    assertThat(tools.call("order_status", "{\"orderId\":\"A-1\"}", admin).error()).isFalse();
  }

  @Test
  void invalidArgumentsAreExplainedToTheModel() {
    assertThat(tools.call("order_status", "{\"orderId\":\"\"}", reader).content())
        .isEqualTo(
            "Invalid arguments for the tool 'order_status': orderId: must not be blank. Call it again"
                + " with arguments that fit its schema.");
    assertThat(tools.call("order_status", "{\"orderId\":\"A\",\"extra\":1}", reader).content())
        .startsWith(
            "Invalid arguments for the tool 'order_status': the JSON does not fit OrderQuery: Unrecognized property \"extra\"");
    assertThat(tools.call("order_status", "not json", reader).error()).isTrue();
    assertThat(runs).hasValue(0);
  }

  @Test
  void anUnknownToolAndAFailingToolAreErrorsNotExceptions() {
    assertThat(tools.call("delete_everything", "{}", reader).content())
        .isEqualTo("There is no tool named 'delete_everything'. The tools are: order_status.");
    assertThat(tools.call("order_status", "{\"orderId\":\"X\"}", reader))
        .isEqualTo(ToolResult.error("The tool 'order_status' failed: No order 'X'."));
  }

  @Test
  void badDefinitionsFailAtOnce() {
    assertThatThrownBy(() -> Tool.of("has space", "d", OrderQuery.class, q -> q))
        .hasMessage("Tool name : 'has space' (expected: 1-64 letters, digits, '_' or '-')");
    assertThatThrownBy(() -> Tool.of("s", "d", String.class, q -> q))
        .hasMessageContaining("(expected: a record");
    var t = Tool.of("t", "d", OrderQuery.class, q -> q);
    assertThatThrownBy(() -> Tools.of(t, t)).hasMessage("two tools are named 't'");
  }

  @Test
  void theSchemaComesFromTheArgumentsRecord() {
    assertThat(tools.schema("order_status").toString())
        .isEqualTo(
            "{\"type\":\"object\",\"properties\":{\"orderId\":{\"type\":\"string\",\"minLength\":1}},\"required\":[\"orderId\"]}");
  }
}
