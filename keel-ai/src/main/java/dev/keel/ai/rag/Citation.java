package dev.keel.ai.rag;

/**
 * A retrieved chunk, numbered for the generator to cite as {@code [number]}.
 *
 * @param number from 1, in order of similarity
 * @param chunkId {@code documentId#index}
 * @param documentId the document it comes from
 * @param source the document's source
 * @param text the chunk's text
 * @param score cosine similarity to the question, -1 to 1
 */
public record Citation(
    int number, String chunkId, String documentId, String source, String text, double score) {}
