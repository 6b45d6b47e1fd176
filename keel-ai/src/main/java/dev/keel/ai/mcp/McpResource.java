package dev.keel.ai.mcp;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * A resource the app offers to MCP clients: a document at a URI the client may list and read. The
 * reader returns a {@link String} (text, sent as is) or {@code byte[]} (sent as base64 {@code
 * blob}); a principal without the permissions neither sees nor reads it.
 *
 * <pre>{@code
 * McpResource.of("notes://readme", "readme", "text/markdown", caller -> Files.readString(readme));
 * }</pre>
 *
 * @param uri an absolute URI, e.g. {@code notes://readme} or {@code file:///guide.md}
 * @param name a short name for lists
 * @param mimeType the content's media type
 * @param permissions what the principal must hold; none by default
 */
public record McpResource(
    String uri, String name, String mimeType, McpResource.Read read, Set<String> permissions) {

  /** Reads the resource for one caller. */
  @FunctionalInterface
  public interface Read {
    /** The content: a {@link String} or a {@code byte[]}. */
    Object read(McpCaller caller) throws Exception;
  }

  public McpResource {
    Objects.requireNonNull(uri, "uri");
    if (!URI.create(uri).isAbsolute()) {
      throw new IllegalArgumentException(
          "MCP resource URI '" + uri + "' must be absolute, with a scheme such as notes://");
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(read, "read");
    permissions = Set.copyOf(permissions);
  }

  public static McpResource of(String uri, String name, String mimeType, Read read) {
    return new McpResource(uri, name, mimeType, read, Set.of());
  }

  /** This resource, readable only by principals holding every one of {@code permissions}. */
  public McpResource requires(String... permissions) {
    return new McpResource(uri, name, mimeType, read, Set.of(permissions));
  }
}
