package dev.keel.graphql.internal;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * The scalars keel-processor's schemas use beyond GraphQL's own: {@code Long} (64-bit integer), and
 * {@code DateTime} (RFC 3339), {@code Date}, {@code UUID}, {@code BigDecimal} written as strings.
 * Inputs are checked here, so a bad value is a validation error naming it; resolvers get them
 * converted to the Java type by {@code Call.argument}.
 */
final class Scalars {
  private Scalars() {}

  static List<GraphQLScalarType> all() {
    return List.of(
        LONG,
        text("DateTime", "An RFC 3339 date-time", OffsetDateTime::parse),
        text("Date", "An ISO 8601 date, yyyy-MM-dd", LocalDate::parse),
        text("UUID", "A UUID", UUID::fromString),
        text("BigDecimal", "A decimal number, written as a string", BigDecimal::new));
  }

  static final GraphQLScalarType LONG =
      GraphQLScalarType.newScalar()
          .name("Long")
          .description("A 64-bit signed integer")
          .coercing(
              new Coercing<Long, Long>() {
                @Override
                public Long serialize(Object v, GraphQLContext c, Locale l) {
                  if (v instanceof Number n) return n.longValue();
                  throw new CoercingSerializeException("Long expected, got " + v);
                }

                @Override
                public Long parseValue(Object v, GraphQLContext c, Locale l) {
                  if (v instanceof Number n && n.doubleValue() == n.longValue())
                    return n.longValue();
                  throw new CoercingParseValueException("Long expected (a whole number), got " + v);
                }

                @Override
                public Long parseLiteral(
                    Value<?> v, CoercedVariables vars, GraphQLContext c, Locale l) {
                  if (v instanceof IntValue i) return i.getValue().longValueExact();
                  throw new CoercingParseLiteralException("Long expected (a whole number)");
                }
              })
          .build();

  private static GraphQLScalarType text(
      String name, String description, Function<String, Object> check) {
    return GraphQLScalarType.newScalar()
        .name(name)
        .description(description)
        .coercing(
            new Coercing<String, String>() {
              @Override
              public String serialize(Object v, GraphQLContext c, Locale l) {
                return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
              }

              @Override
              public String parseValue(Object v, GraphQLContext c, Locale l) {
                if (v instanceof String s) return checked(s);
                throw new CoercingParseValueException(name + " expected as a string, got " + v);
              }

              @Override
              public String parseLiteral(
                  Value<?> v, CoercedVariables vars, GraphQLContext c, Locale l) {
                if (v instanceof StringValue s) return checked(s.getValue());
                throw new CoercingParseLiteralException(name + " expected as a string");
              }

              private String checked(String s) {
                try {
                  check.apply(s);
                  return s;
                } catch (DateTimeParseException | IllegalArgumentException e) {
                  throw new CoercingParseValueException(
                      "'" + s + "' is not a " + name + " (" + description + ")");
                }
              }
            })
        .build();
  }
}
