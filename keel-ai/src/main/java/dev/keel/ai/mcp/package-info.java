/**
 * A Model Context Protocol server: tools, resources and prompts of the app for AI agents, over
 * streamable HTTP and stdio, authenticated by keel-security. Start at {@link dev.keel.ai.mcp.Mcp}.
 */
package dev.keel.ai.mcp;
