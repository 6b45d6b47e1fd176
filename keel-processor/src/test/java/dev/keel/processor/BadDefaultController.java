package dev.keel.processor;

import dev.keel.web.Controller;
import dev.keel.web.Get;
import dev.keel.web.Query;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A default that converts (so it compiles) but fails the parameter's own constraints: registering
 * the controller fails, before any request could be answered 422 for leaving the parameter out.
 */
@Controller("/bad")
public final class BadDefaultController {
  @Get
  String list(@Query(defaultValue = "500") @Min(1) @Max(100) int limit) {
    return "limit " + limit;
  }
}
