package dev.keel.admin;

import dev.keel.db.Id;
import dev.keel.db.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The model the admin's tests register. */
public record Article(
    @Id long id,
    @NotBlank @Size(max = 80) String title,
    @Size(max = 2000) String body,
    @Min(0) @Max(1000) int likes,
    boolean published,
    Optional<LocalDate> publishOn,
    Instant createdAt,
    @Version int version) {}
