package dev.keel.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** One file part of a multipart form; valid until the request ends. */
public interface UploadedFile {
  String fieldName();

  /** The file name the client sent, without any directory part; may be empty. */
  String filename();

  String contentType();

  long size();

  InputStream open() throws IOException;

  /** Moves (or writes) the upload to {@code target}, replacing an existing file. */
  void saveTo(Path target) throws IOException;
}
