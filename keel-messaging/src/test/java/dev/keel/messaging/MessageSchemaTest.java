package dev.keel.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MessageSchemaTest {
  enum Status {
    PLACED,
    PAID
  }

  record Line(String sku, int quantity) {}

  record Order(
      long id,
      UUID customer,
      Status status,
      List<Line> lines,
      Map<String, Double> discounts,
      Optional<String> note,
      Instant at,
      Order parent) {}

  @Test
  void theSchemaIsReadFromTheRecordsComponents() {
    String json = JsonMapper.builder().build().writeValueAsString(MessageSchema.of(Order.class));
    assertThat(json)
        .isEqualTo(
            """
            {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Order",\
            "x-keel-type":"dev.keel.messaging.MessageSchemaTest$Order","type":"object",\
            "properties":{"id":{"type":"integer","format":"int64"},\
            "customer":{"type":"string","format":"uuid"},\
            "status":{"type":"string","enum":["PLACED","PAID"]},\
            "lines":{"type":"array","items":{"type":"object","properties":{\
            "sku":{"type":"string"},"quantity":{"type":"integer","format":"int32"}},\
            "required":["quantity"]}},\
            "discounts":{"type":"object","additionalProperties":{"type":"number"}},\
            "note":{"type":"string"},"at":{"type":"string","format":"date-time"},\
            "parent":{"type":"object"}},"required":["id"]}""");
  }
}
