package dev.keel.admin;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A second model, with the other input types: enum, UUID, decimal, e-mail, instant, optional. */
public record Product(
    long id,
    @NotBlank String name,
    @NotNull Status status,
    @NotNull UUID code,
    @NotNull @DecimalMin("0.01") BigDecimal price,
    @Email String contact,
    Optional<Integer> stock,
    @NotNull Instant availableAt) {
  public enum Status {
    DRAFT,
    ON_SALE,
    RETIRED
  }
}
