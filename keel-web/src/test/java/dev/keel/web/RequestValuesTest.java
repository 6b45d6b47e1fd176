package dev.keel.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestValuesTest {
  record User(String name) {}

  @Test
  void thereIsOneKeyPerProvidedType() {
    assertThat(RequestValues.key(User.class)).isSameAs(RequestValues.key(User.class));
    assertThat(RequestValues.key(User.class).type()).isEqualTo(User.class);
    assertThat(RequestValues.key(User.class)).isNotSameAs(RequestValues.key(String.class));
    assertThat(RequestValues.key(User.class).name()).isEqualTo("provided:" + User.class.getName());
  }
}
