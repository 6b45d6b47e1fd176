package dev.keel.core;

import java.util.List;
import java.util.Optional;

/**
 * The fields and uploaded files of a form body ({@code application/x-www-form-urlencoded} or {@code
 * multipart/form-data}). File parts above the configured threshold ({@code
 * keel.server.multipart-memory-threshold}, 16 KiB by default) are kept in temporary files, deleted
 * when the request ends.
 */
public interface Form {
  Optional<String> field(String name);

  List<String> fields(String name);

  Optional<UploadedFile> file(String name);

  List<UploadedFile> files(String name);
}
