package dev.keel.services;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component method that may safely run twice: a remote call to it is retried (at most
 * twice, within its deadline) when the other process could not be reached or answered 503. Calls to
 * other methods are never retried, as they may have run before the connection broke.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Idempotent {}
