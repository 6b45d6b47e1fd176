package dev.keel.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code int} or {@code long} component used for optimistic locking: {@link
 * Repository#update} only changes the row when its version still equals the record's, and
 * increments it; otherwise it throws {@link OptimisticLockException} (answered as 409 Conflict).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER
})
public @interface Version {}
