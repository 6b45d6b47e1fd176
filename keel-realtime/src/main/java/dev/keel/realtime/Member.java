package dev.keel.realtime;

import java.util.Map;

/**
 * One connection present in a channel: its connection id, its user ({@code ""} when anonymous) and
 * the metadata its client sent when joining (e.g. a display name).
 */
public record Member(String id, String user, Map<String, String> meta) {
  public Member {
    meta = Map.copyOf(meta);
  }
}
