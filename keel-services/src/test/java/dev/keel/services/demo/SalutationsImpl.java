package dev.keel.services.demo;

public final class SalutationsImpl implements Salutations {
  private final Greeter greeter;

  public SalutationsImpl(Greeter greeter) {
    this.greeter = greeter;
  }

  @Override
  public String salute(String name) {
    return greeter.greet(name).text() + " (saluted)";
  }
}
