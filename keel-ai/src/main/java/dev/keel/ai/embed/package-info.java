/**
 * Sentence embeddings: {@link dev.keel.ai.embed.Embedder} turns text into vectors, locally
 * (all-MiniLM-L6-v2 on ONNX Runtime, the default, no network) or through an OpenAI-compatible
 * {@code /v1/embeddings} endpoint.
 */
package dev.keel.ai.embed;
