package dev.keel.ai.rag;

/**
 * The keel-jobs job that ingests one document; enqueued by {@link Rag#enqueue}, run by the handler
 * {@link Rag#ingestWith} registers.
 *
 * @param document the document, stored as the job's JSON payload
 */
public record IngestDocument(Document document) {}
