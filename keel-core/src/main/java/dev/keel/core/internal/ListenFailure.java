package dev.keel.core.internal;

/** The message for a port that cannot be opened, in words a user acts on. */
public final class ListenFailure {
  private ListenFailure() {}

  /** One sentence for a failed bind: the address, the reason in plain words and the fix. */
  public static String message(String host, int port, Throwable e) {
    String address = host + ":" + port;
    String reason = String.valueOf(e.getMessage());
    if (reason.contains("Address already in use")) {
      return "Keel could not listen on "
          + address
          + " because another process uses that port; stop it, or choose another port with"
          + " KEEL_SERVER_PORT (keel.server.port).";
    }
    if (reason.contains("Permission denied")) {
      return "Keel could not listen on "
          + address
          + " because ports below 1024 need privileges; choose a port above 1023 with"
          + " KEEL_SERVER_PORT (keel.server.port).";
    }
    if (reason.contains("Cannot assign requested address")) {
      return "Keel could not listen on "
          + address
          + " because "
          + host
          + " is not an address of this machine; fix KEEL_SERVER_HOST (keel.server.host), or use"
          + " 0.0.0.0 for every interface.";
    }
    return "Keel could not listen on "
        + address
        + " ("
        + reason
        + "); check KEEL_SERVER_HOST and KEEL_SERVER_PORT (keel.server.host, keel.server.port).";
  }
}
