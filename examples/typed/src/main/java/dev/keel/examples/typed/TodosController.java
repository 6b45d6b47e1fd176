package dev.keel.examples.typed;

import dev.keel.core.NotFound;
import dev.keel.web.Body;
import dev.keel.web.Controller;
import dev.keel.web.Delete;
import dev.keel.web.Get;
import dev.keel.web.Patch;
import dev.keel.web.Post;
import dev.keel.web.Query;
import dev.keel.web.Status;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Todos: things to do, with an optional due date. */
@Controller("/todos")
public final class TodosController {
  /** How urgent a todo is. */
  public enum Priority {
    LOW,
    NORMAL,
    HIGH
  }

  /** A todo as clients send it; a field left out or {@code null} is {@code Optional.empty()}. */
  public record NewTodo(
      @NotBlank @Size(max = 200) String title,
      Optional<Priority> priority,
      Optional<LocalDate> due) {}

  /** A change to a todo: a field left out or {@code null} keeps its value. */
  public record TodoChange(
      Optional<@NotBlank @Size(max = 200) String> title,
      Optional<Priority> priority,
      Optional<LocalDate> due,
      Optional<Boolean> done) {}

  /** A todo as stored. */
  public record Todo(
      long id,
      String title,
      Priority priority,
      Optional<LocalDate> due,
      boolean done,
      Instant createdAt) {}

  /** A page of results and how many there are in all. */
  public record Page<T>(List<T> items, int total) {}

  private final Map<Long, Todo> todos = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /** Lists todos, oldest first, optionally only those of the given priorities. */
  @Get
  Page<Todo> list(
      @Query("priority") List<Priority> priorities,
      @Query Optional<Boolean> done,
      @Query(defaultValue = "20") @Min(1) @Max(100) int limit) {
    List<Todo> matching =
        todos.values().stream()
            .filter(t -> priorities.isEmpty() || priorities.contains(t.priority()))
            .filter(t -> done.isEmpty() || done.get() == t.done())
            .sorted(Comparator.comparingLong(Todo::id))
            .toList();
    return new Page<>(matching.stream().limit(limit).toList(), matching.size());
  }

  /**
   * Finds one todo.
   *
   * <p>Answers 404 when there is no todo with the id.
   */
  @Get("/{id}")
  Todo get(long id) {
    Todo todo = todos.get(id);
    if (todo == null) throw new NotFound("There is no todo " + id + ".");
    return todo;
  }

  /** Adds a todo; its priority is NORMAL unless given. */
  @Post
  @Status(201)
  Todo create(@Body @Valid NewTodo body) {
    long id = ids.incrementAndGet();
    var todo =
        new Todo(
            id,
            body.title().strip(),
            body.priority().orElse(Priority.NORMAL),
            body.due(),
            false,
            Instant.now());
    todos.put(id, todo);
    return todo;
  }

  /** Adds several todos at once; any invalid one rejects them all. */
  @Post("/bulk")
  @Status(201)
  Page<Todo> createAll(@Body @Valid List<NewTodo> body) {
    List<Todo> created = body.stream().map(this::create).toList();
    return new Page<>(created, created.size());
  }

  /**
   * Changes the fields the body gives, e.g. {@code {"done": true}}; the others keep their value.
   */
  @Patch("/{id}")
  Todo change(long id, @Body @Valid TodoChange change) {
    Todo t = get(id);
    Todo changed =
        new Todo(
            id,
            change.title().map(String::strip).orElse(t.title()),
            change.priority().orElse(t.priority()),
            change.due().or(t::due),
            change.done().orElse(t.done()),
            t.createdAt());
    todos.put(id, changed);
    return changed;
  }

  /**
   * Removes a todo's due date ({@code "due": null} in a PATCH keeps it, as a missing field does).
   */
  @Delete("/{id}/due")
  Todo removeDue(long id) {
    Todo t = get(id);
    Todo changed = new Todo(id, t.title(), t.priority(), Optional.empty(), t.done(), t.createdAt());
    todos.put(id, changed);
    return changed;
  }

  /** Deletes a todo. */
  @Delete("/{id}")
  void delete(long id) {
    if (todos.remove(id) == null) throw new NotFound("There is no todo " + id + ".");
  }
}
