/**
 * Vector search: {@link dev.keel.ai.vector.VectorStore} keeps vectors with their text and metadata
 * and finds the nearest ones, optionally filtered by metadata. Lucene's HNSW on disk by default;
 * PostgreSQL with pgvector in production.
 */
package dev.keel.ai.vector;
