package dev.keel.services.demo;

import java.time.Instant;

public record Greeting(String text, Mood mood, Instant at) {
  public enum Mood {
    CHEERFUL,
    GRUMPY
  }
}
