package dev.keel.benchmarks.quarkus;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** TechEmpower's plaintext and JSON tests, written the way Quarkus REST is normally used. */
@Path("/")
public class PeerResource {
  public record Message(String message) {}

  @GET
  @Path("plaintext")
  @Produces(MediaType.TEXT_PLAIN)
  public String plaintext() {
    return "Hello, World!";
  }

  @GET
  @Path("json")
  @Produces(MediaType.APPLICATION_JSON)
  public Message json() {
    return new Message("Hello, World!");
  }
}
