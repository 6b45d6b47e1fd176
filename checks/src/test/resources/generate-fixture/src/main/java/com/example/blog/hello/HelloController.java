package com.example.blog.hello;

import dev.keel.web.Controller;
import dev.keel.web.Get;

/** Says hello at /api/hello. */
@Controller("/api/hello")
public final class HelloController {
  public record Greeting(String message) {}

  @Get
  Greeting hello() {
    return new Greeting("hello");
  }
}
