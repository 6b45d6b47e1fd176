package dev.keel.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.services.demo.Greeter;
import dev.keel.services.demo.GreeterImpl;
import dev.keel.services.demo.Greeting;
import dev.keel.services.demo.GreetingRefused;
import dev.keel.services.demo.Salutations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The single layout: every component in this process, every call a plain method call. */
class ComponentsTest {
  private final Components components =
      Components.builder().deployment(Deployment.parse("", "test")).build();

  @Test
  void callsGoStraightToTheImplementation() {
    Greeter greeter = components.get(Greeter.class);
    assertThat(greeter).isNotInstanceOf(GreeterImpl.class); // the local stub, not the class
    assertThat(greeter.greet("Ada").text()).isEqualTo("Hello, Ada!");
    assertThat(greeter.lengths(List.of(greeter.lookup(7)), 1)).isEqualTo(Map.of("greeting 7", 11));
    assertThat(components.get(Greeter.class)).isSameAs(greeter);
    assertThat(components.layout()).isEqualTo("single");
  }

  @Test
  void generatedWiringPassesOtherComponentsToTheConstructor() {
    assertThat(components.get(Salutations.class).salute("Ada")).isEqualTo("Hello, Ada! (saluted)");
  }

  @Test
  void exceptionsAreTheImplementationsOwn() {
    Greeter greeter = components.get(Greeter.class);
    assertThatThrownBy(() -> greeter.refuse("Bob"))
        .isInstanceOf(GreetingRefused.class)
        .hasMessage("no greeting for Bob");
    assertThatThrownBy(() -> greeter.fail("state")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFactoryReplacesTheGeneratedWiring() {
    var custom =
        Components.builder()
            .deployment(Deployment.parse("", "test"))
            .implementation(
                Greeter.class,
                c ->
                    new GreeterImpl() {
                      @Override
                      public Greeting greet(String name) {
                        return new Greeting("Hi " + name, Greeting.Mood.GRUMPY, null);
                      }
                    })
            .build();
    assertThat(custom.get(Salutations.class).salute("Ada")).isEqualTo("Hi Ada (saluted)");
  }

  @Test
  void anInterfaceThatIsNoComponentIsRefusedWithTheFix() {
    assertThatThrownBy(() -> components.get(Runnable.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Runnable is not a component")
        .hasMessageContaining("@Component");
  }

  @Test
  void aSplitLayoutMustPlaceEveryComponent() {
    var deployment =
        Deployment.parse(
            """
            layout.split.app.components = Salutations
            layout.split.app.url = http://127.0.0.1:25001
            """,
            "keel-deploy.properties");
    assertThatThrownBy(
            () ->
                Components.builder().deployment(deployment).layout("split").process("app").build())
        .hasMessage(
            "component Greeter is in no process of layout split; add it to a line"
                + " layout.split.<process>.components of keel-deploy.properties");
    assertThatThrownBy(
            () -> Components.builder().deployment(deployment).layout("split").process("x").build())
        .hasMessageContaining("process 'x' is not in layout split (processes: [app])");
    assertThatThrownBy(() -> Components.builder().deployment(deployment).layout("spilt").build())
        .hasMessageContaining(
            "layout 'spilt' is not in keel-deploy.properties (layouts: [single, split])");
  }
}
