/**
 * Retrieval-augmented generation: {@link dev.keel.ai.rag.Rag} ingests documents (text, Markdown,
 * HTML) into chunks in a vector store, as keel-jobs jobs, retrieves the closest chunks to a
 * question, and asks a {@link dev.keel.ai.rag.Generator} to answer from them with citations.
 */
package dev.keel.ai.rag;
