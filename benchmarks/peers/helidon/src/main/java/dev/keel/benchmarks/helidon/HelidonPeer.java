package dev.keel.benchmarks.helidon;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.json.JsonObject;
import io.helidon.webserver.WebServer;

/**
 * Helidon SE 4 WebServer peer (a virtual thread per request). JSON through Helidon's own JSON
 * support (helidon-http-media-json, discovered from the class path).
 */
public final class HelidonPeer {
  private static final Header SERVER = HeaderValues.createCached(HeaderNames.SERVER, "Helidon");
  private static final Header TEXT_PLAIN =
      HeaderValues.createCached(HeaderNames.CONTENT_TYPE, "text/plain");

  public static void main(String[] args) {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    WebServer server =
        WebServer.builder()
            .port(port)
            // Helidon leaves Nagle on by default; its JSON entities go out chunked (several writes),
            // which then stall on delayed ACKs. Every other server here runs with TCP_NODELAY.
            .connectionOptions(socket -> socket.tcpNoDelay(true))
            .routing(
                routing ->
                    routing
                        .get(
                            "/plaintext",
                            (req, res) -> {
                              res.header(SERVER).header(TEXT_PLAIN);
                              res.send("Hello, World!");
                            })
                        .get(
                            "/json",
                            (req, res) -> {
                              res.header(SERVER);
                              res.send(
                                  JsonObject.builder().set("message", "Hello, World!").build());
                            }))
            .build()
            .start();
    System.out.println("helidon peer listening on :" + server.port());
  }
}
