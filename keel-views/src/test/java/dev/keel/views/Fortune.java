package dev.keel.views;

/** A row of TechEmpower's fortune table, the model of the {@code fortunes.jte} test template. */
public record Fortune(int id, String message) {}
