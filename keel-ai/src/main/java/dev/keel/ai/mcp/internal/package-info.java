/** The MCP server's protocol and transports; not an API. */
package dev.keel.ai.mcp.internal;
