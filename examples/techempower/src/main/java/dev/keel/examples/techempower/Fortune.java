package dev.keel.examples.techempower;

/** A row of the {@code fortune} table, the model of {@code fortunes.jte}. */
public record Fortune(int id, String message) {}
