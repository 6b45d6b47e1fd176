package dev.keel.admin;

import jakarta.validation.constraints.NotBlank;

/** A model with a relation: {@code articleId} is a foreign key to {@link Article}. */
public record Comment(long id, long articleId, @NotBlank String body, boolean approved) {}
