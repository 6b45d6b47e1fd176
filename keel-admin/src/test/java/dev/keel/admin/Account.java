package dev.keel.admin;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.Optional;

/** A model with a component the admin hides: the password hash. */
public record Account(
    long id, @NotBlank @Email String email, Optional<String> passwordHash, Instant createdAt) {}
