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
 * Runs a test on SQLite, on PostgreSQL through pgjdbc and on PostgreSQL through the reactive driver
 * ({@code keel.db.driver=reactive}), each time with a fresh {@link TestDb} that is closed (and
 * dropped) after the invocation.
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
      return Stream.<java.util.function.Supplier<TestDb>>of(
              () -> TestDb.create(Dialect.SQLITE),
              () -> TestDb.create(Dialect.POSTGRESQL),
              TestDb::reactive)
          .map(
              make -> {
                TestDb db = make.get();
                return Arguments.of(Named.of(db.toString(), db));
              });
    }
  }
}
