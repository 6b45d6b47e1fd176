package dev.keel.services;

import dev.keel.core.Keel;

/** The second process of the kill test: hosts Greeter on the port given as the first argument. */
public final class GreeterHost {
  private GreeterHost() {}

  public static void main(String[] args) {
    Keel app = Keel.create("--keel.server.port=" + args[0]);
    app.install(
            Components.builder()
                .deployment(SplitLayoutTest.deployment("http://127.0.0.1:" + args[0]))
                .layout("split")
                .process("users")
                .build())
        .start();
    System.out.println("READY");
    System.out.flush();
  }
}
