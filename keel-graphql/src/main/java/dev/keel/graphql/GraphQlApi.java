package dev.keel.graphql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A class whose {@link Query}, {@link Mutation}, {@link Subscription} and {@link Batched} methods
 * make up (part of) the GraphQL schema. keel-processor reads it at build time and generates {@code
 * <Class>GraphQl}: the schema's text and the code that calls the methods, no reflection.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface GraphQlApi {}
