package dev.keel.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Runs a test once on SQLite and once on PostgreSQL, each time with a fresh {@link TestDb} that is
 * closed (and dropped) after the invocation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ParameterizedTest(name = "{0}")
@ArgumentsSource(BothDatabases.Provider.class)
public @interface BothDatabases {
  final class Provider implements ArgumentsProvider {
    @Override
    public Stream<? extends Arguments> provideArguments(
        ParameterDeclarations parameters, ExtensionContext context) {
      return Stream.of(Dialect.SQLITE, Dialect.POSTGRESQL)
          .map(
              d ->
                  Arguments.of(
                      Named.of(d.name().toLowerCase(java.util.Locale.ROOT), TestDb.create(d))));
    }
  }
}
