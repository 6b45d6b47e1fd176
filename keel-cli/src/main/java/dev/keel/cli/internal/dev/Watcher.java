package dev.keel.cli.internal.dev;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders and their subfolders (new ones too) with the JDK's {@link WatchService}, and
 * hands out the changed files in batches: an editor's save is often several events (write, rename,
 * touch), so a batch ends once no event came for {@link #QUIET_MILLIS}.
 */
final class Watcher implements AutoCloseable {
  static final long QUIET_MILLIS = 30;

  private final WatchService service;
  private final Map<WatchKey, Path> dirs = new HashMap<>();

  Watcher(List<Path> roots) {
    try {
      service = FileSystems.getDefault().newWatchService();
      for (Path root : roots) if (Files.isDirectory(root)) register(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void register(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path dir : walk.filter(Files::isDirectory).toList()) {
        dirs.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
      }
    }
  }

  /** Blocks until something changed; the changed paths (files, or folders when one overflowed). */
  Set<Path> next() throws InterruptedException {
    var changed = new TreeSet<Path>();
    WatchKey key = service.take();
    while (key != null) {
      collect(key, changed);
      key = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
    }
    return changed;
  }

  private void collect(WatchKey key, Set<Path> changed) {
    Path dir = dirs.get(key);
    if (dir != null) {
      for (WatchEvent<?> event : key.pollEvents()) {
        if (event.kind() == OVERFLOW) {
          changed.add(dir);
          continue;
        }
        Path path = dir.resolve((Path) event.context());
        changed.add(path);
        if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
          try {
            register(path);
            try (Stream<Path> walk = Files.walk(path)) {
              walk.filter(Files::isRegularFile).forEach(changed::add); // made before it was watched
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    if (!key.reset()) dirs.remove(key);
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException | ClosedWatchServiceException e) {
      // closing anyway
    }
  }
}
