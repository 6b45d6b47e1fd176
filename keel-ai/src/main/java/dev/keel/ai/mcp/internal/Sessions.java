package dev.keel.ai.mcp.internal;

import dev.keel.ai.mcp.McpProblems;
import dev.keel.core.HttpException;
import dev.keel.security.Principal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open MCP sessions of the HTTP transport, in memory: a session lives on the instance that
 * created it and ends after {@code idle} without a request (spec: the client then starts over with
 * {@code initialize} on a 404).
 */
final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
  private final Duration idle;
  private final int max;

  Sessions(Duration idle, int max) {
    this.idle = idle;
    this.max = max;
  }

  Session create(Principal principal, String version) {
    expire();
    if (sessions.size() >= max) {
      throw new HttpException(
          McpProblems.SESSIONS_FULL,
          max
              + " MCP sessions are open (keel.ai.mcp.max-sessions); try again when some end,"
              + " or raise the limit");
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    var session = new Session(HexFormat.of().formatHex(bytes), principal.id(), version);
    sessions.put(session.id(), session);
    return session;
  }

  /** The session {@code id} of {@code principal}; 404 for another principal's, as for none. */
  Session find(String id, Principal principal) {
    Session s = sessions.get(id);
    if (s == null || s.closed() || !s.principalId().equals(principal.id()) || expired(s)) {
      throw new HttpException(
          McpProblems.SESSION_UNKNOWN,
          "no MCP session '"
              + abbreviate(id)
              + "' (it ended, expired after "
              + idle.toMinutes()
              + " idle minutes, or belongs to another principal);"
              + " start a new one with initialize");
    }
    s.touch();
    return s;
  }

  void end(Session s) {
    s.close();
    sessions.remove(s.id());
  }

  void closeAll() {
    sessions.values().forEach(Session::close);
    sessions.clear();
  }

  private boolean expired(Session s) {
    return System.nanoTime() - s.lastUsed() > idle.toNanos();
  }

  private void expire() {
    sessions.values().removeIf(s -> expired(s) && closeAnd(s));
  }

  private static boolean closeAnd(Session s) {
    s.close();
    return true;
  }

  private static String abbreviate(String id) {
    String printable = id.replaceAll("[^\\x21-\\x7e]", "?");
    return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
  }
}
