package dev.keel.services.demo;

public final class GreetingRefused extends Exception {
  private static final long serialVersionUID = 1L;

  public GreetingRefused(String message) {
    super(message);
  }
}
