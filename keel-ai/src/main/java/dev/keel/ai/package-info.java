/**
 * AI-native backends: chat with OpenAI-compatible and Anthropic models, typed output into records,
 * tools from the app, local embeddings, vector search, RAG and an MCP server.
 */
package dev.keel.ai;
