package dev.keel.realtime;

/**
 * One Server-Sent Event. {@code id} and {@code event} are empty when absent; {@code data} may span
 * lines.
 */
public record ServerSentEvent(String id, String event, String data) {
  public ServerSentEvent {
    if (id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0 || event.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(
          "A Server-Sent Event's id and name cannot contain line breaks: id="
              + id
              + ", event="
              + event);
    }
  }

  public static ServerSentEvent of(String event, String data) {
    return new ServerSentEvent("", event, data);
  }
}
