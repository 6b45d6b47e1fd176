package dev.keel.benchmarks.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Boot Web MVC peer (embedded Tomcat, virtual threads on, JSON via the auto-configured
 * Jackson message converter). Settings are in application.properties.
 */
@SpringBootApplication
@RestController
public class SpringPeer {
  record Message(String message) {}

  @GetMapping(value = "/plaintext", produces = MediaType.TEXT_PLAIN_VALUE)
  String plaintext() {
    return "Hello, World!";
  }

  @GetMapping(value = "/json", produces = MediaType.APPLICATION_JSON_VALUE)
  Message json() {
    return new Message("Hello, World!");
  }

  public static void main(String[] args) {
    SpringApplication.run(SpringPeer.class, args);
  }
}
