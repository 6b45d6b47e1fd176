package dev.keel.examples.techempower;

/** A row of the {@code world} table, serialized as {@code {"id":1,"randomNumber":42}}. */
public record World(int id, int randomNumber) {}
