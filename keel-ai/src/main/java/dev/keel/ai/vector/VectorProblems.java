package dev.keel.ai.vector;

import dev.keel.core.ProblemType;

/**
 * The kinds of problem keel-ai's embeddings, vector stores and RAG answer; listed in {@code
 * docs/errors.md}. Thrown as {@link dev.keel.core.HttpException}s, so a request that hits one gets
 * problem+json with the code, never a stack trace.
 */
public final class VectorProblems {
  private VectorProblems() {}

  /** The remote embedding endpoint failed, timed out or answered something unreadable. */
  public static final ProblemType EMBEDDING_FAILED =
      new ProblemType("embedding-failed", 502, "Embedding service failed");

  /** The PostgreSQL database has no pgvector extension available. */
  public static final ProblemType PGVECTOR_MISSING =
      new ProblemType("pgvector-missing", 503, "pgvector not installed");

  /** A metadata filter names a key that is not a plain name, or has no values. */
  public static final ProblemType VECTOR_FILTER_INVALID =
      new ProblemType("vector-filter-invalid", 400, "Invalid metadata filter");

  /** A document to ingest has a format RAG does not read. */
  public static final ProblemType DOCUMENT_FORMAT =
      new ProblemType("document-format", 415, "Unsupported document format");

  /** A question for retrieval or an answer is blank or longer than the limit. */
  public static final ProblemType QUESTION_INVALID =
      new ProblemType("question-invalid", 400, "Invalid question");
}
