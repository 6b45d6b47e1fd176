package dev.keel.services;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.core.Plugin;
import dev.keel.services.internal.CallScope;
import dev.keel.services.internal.Host;
import dev.keel.services.internal.HttpCalls;
import dev.keel.services.spi.ComponentDescriptor;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The components of this process and the stubs of the others: ask for one by its interface with
 * {@link #get}. In the layout {@value Deployment#SINGLE} every component is here and a call is a
 * plain method call; in a split layout the components of other processes are reached over HTTP
 * ({@code POST /_keel/components/<name>/<method>}, JSON), with the caller's deadline and trace
 * context sent along, retries for {@link Idempotent} methods only, and the remote exception thrown
 * again as the same type.
 *
 * <p>Install it into the application ({@code app.install(components)}): in a split layout it serves
 * the components this process hosts. Thread-safe.
 *
 * <pre>{@code
 * Components components = Components.builder().config(app.config()).build();
 * app.install(components).controllers(new ArticlesController(components.get(Articles.class)));
 * }</pre>
 */
public final class Components implements Plugin {
  /** The deadline of a call made outside {@link #withDeadline}, unless the builder sets one. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final Deployment.Layout layout;
  private final String process;
  private final Map<Class<?>, ComponentDescriptor<?>> descriptors;
  private final Map<Class<?>, Function<Components, ?>> factories;
  private final Map<Class<?>, Object> stubs = new HashMap<>();
  private final Map<String, Host.Hosted<?>> hosted = new LinkedHashMap<>();
  private final List<Class<?>> creating = new ArrayList<>();
  private final boolean http2;
  // made at the first remote stub: the JDK's default TLS set-up costs ~150 ms of start-up
  private HttpClient http;
  private final Duration timeout;

  private Components(Builder b, Map<Class<?>, ComponentDescriptor<?>> descriptors) {
    this.layout = b.deployment.layout(b.layout);
    this.process = b.process;
    this.descriptors = descriptors;
    this.factories = Map.copyOf(b.factories);
    this.timeout = b.timeout;
    this.http2 = b.http2;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The layout this process runs in. */
  public String layout() {
    return layout.name();
  }

  /** This process's name in the layout; {@value Deployment#SINGLE} in the single layout. */
  public String process() {
    return process;
  }

  /**
   * The component {@code type}: the local stub of its implementation when this process hosts it,
   * else the remote stub that calls the process that does.
   *
   * @throws IllegalArgumentException when {@code type} is not a {@code @Component} interface
   *     compiled with keel-processor, or a hosted one has no implementation
   */
  public synchronized <T> T get(Class<T> type) {
    Object stub = stubs.get(type);
    if (stub == null) {
      stub = create(descriptor(type));
      stubs.put(type, stub);
    }
    return type.cast(stub);
  }

  /**
   * Runs {@code body} with a deadline of {@code budget}: remote calls it makes (and the calls those
   * make, in any process) fail with 504 {@code component-deadline-exceeded} once it has passed.
   * Nested deadlines only ever shorten it.
   */
  public static <T> T withDeadline(Duration budget, Callable<T> body) throws Exception {
    return CallScope.withDeadline(budget, body);
  }

  /**
   * The W3C {@code traceparent} of the request or component call being handled, when its caller
   * sent one: remote calls made now continue that trace.
   */
  public static java.util.Optional<String> traceparent() {
    return java.util.Optional.ofNullable(CallScope.traceparent());
  }

  /**
   * The time left before the deadline of the component call being handled (received from a caller
   * in another process, or set by {@link #withDeadline}); empty when there is none.
   */
  public static java.util.Optional<Duration> remaining() {
    return CallScope.remaining();
  }

  @Override
  public void install(Keel app) {
    if (!layout.name().equals(Deployment.SINGLE)) {
      new Host(hosted, app).install();
    }
    app.use(CallScope::traced);
  }

  private <T> ComponentDescriptor<T> descriptor(Class<T> type) {
    @SuppressWarnings("unchecked")
    var d = (ComponentDescriptor<T>) descriptors.get(type);
    if (d == null) {
      throw new IllegalArgumentException(
          type.getName()
              + " is not a component compiled with keel-processor: mark the interface @Component"
              + " and put keel-processor in the compiler's annotationProcessorPaths");
    }
    return d;
  }

  private HttpClient http() { // called under get's lock
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .version(http2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(2))
              .build();
    }
    return http;
  }

  private <T> T create(ComponentDescriptor<T> d) {
    if (!isLocal(d.name())) {
      var url = layout.host(d.name()).orElseThrow().url();
      return d.remote(new HttpCalls(http(), url, d, timeout));
    }
    if (creating.contains(d.type())) {
      throw new IllegalArgumentException(
          "components depend on each other in a cycle: "
              + creating.stream().map(Class::getSimpleName).toList()
              + " -> "
              + d.type().getSimpleName()
              + "; break it by asking for one of them later, with components.get(...)");
    }
    creating.add(d.type());
    try {
      T implementation = implementation(d);
      hosted.put(d.name(), new Host.Hosted<>(d, implementation));
      return d.local(implementation);
    } finally {
      creating.remove(d.type());
    }
  }

  private <T> T implementation(ComponentDescriptor<T> d) {
    Function<Components, ?> factory = factories.get(d.type());
    if (factory != null) return d.type().cast(factory.apply(this));
    return d.wire(this)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "component "
                        + d.name()
                        + " runs in this process ("
                        + process
                        + ") but has no implementation: register one with"
                        + " Components.builder().implementation("
                        + d.type().getSimpleName()
                        + ".class, components -> new ...)"));
  }

  private boolean isLocal(String name) {
    return layout.name().equals(Deployment.SINGLE)
        || layout.process(process).orElseThrow().components().contains(name);
  }

  /** Chooses the layout, this process and the implementations. */
  public static final class Builder {
    private Deployment deployment;
    private String layout = Deployment.SINGLE;
    private String process = Deployment.SINGLE;
    private final Map<Class<?>, Function<Components, ?>> factories = new HashMap<>();
    private final List<ComponentDescriptor<?>> extra = new ArrayList<>();
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean http2;
    private Config config;

    private Builder() {}

    /** The layouts; {@link Deployment#load()} ({@code keel-deploy.properties}) by default. */
    public Builder deployment(Deployment deployment) {
      this.deployment = Objects.requireNonNull(deployment, "deployment");
      return this;
    }

    /** The layout to run; {@value Deployment#SINGLE} by default. */
    public Builder layout(String layout) {
      this.layout = Objects.requireNonNull(layout, "layout");
      return this;
    }

    /** This process's name in the layout; required unless the layout is single. */
    public Builder process(String process) {
      this.process = Objects.requireNonNull(process, "process");
      return this;
    }

    /**
     * Reads {@code keel.services.layout}, {@code keel.services.process} and {@code
     * keel.services.timeout} (the default deadline of a call), e.g. from {@code
     * KEEL_SERVICES_LAYOUT=split}, and {@code keel.services.url.<process>}, which replaces the
     * {@code url} of that process of the layout (e.g. {@code
     * KEEL_SERVICES_URL_USERS=http://shop-users:80} from a Kubernetes manifest).
     */
    public Builder config(Config config) {
      this.config = config;
      config.declarePrefix("keel.services.url.");
      layout = config.string("keel.services.layout", layout);
      process = config.string("keel.services.process", process);
      timeout = config.duration("keel.services.timeout", timeout);
      return this;
    }

    /**
     * How to make the implementation of {@code type} when this process hosts it; {@code factory}
     * gets the components to ask for the ones it calls. Not needed when the implementation's
     * constructor takes only components: keel-processor then generates the wiring.
     */
    public <T> Builder implementation(Class<T> type, Function<Components, ? extends T> factory) {
      factories.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(factory));
      return this;
    }

    /** The deadline of a call made outside {@link #withDeadline}; 10 s by default. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Whether remote calls use HTTP/2 (h2c on {@code http://}); HTTP/1.1 by default, measured in
     * ADR 0037.
     */
    public Builder http2(boolean http2) {
      this.http2 = http2;
      return this;
    }

    /**
     * Adds a descriptor that is not listed in {@code META-INF/services} (tests, generated code).
     */
    public Builder descriptor(ComponentDescriptor<?> descriptor) {
      extra.add(descriptor);
      return this;
    }

    /**
     * The components, with every one this process hosts made now, so a missing implementation or a
     * layout that forgets a component fails at start-up.
     */
    public Components build() {
      if (deployment == null) deployment = Deployment.load();
      Map<Class<?>, ComponentDescriptor<?>> found = new LinkedHashMap<>();
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      for (ComponentDescriptor<?> d : ServiceLoader.load(descriptorType(), loader)) {
        found.put(d.type(), d);
      }
      for (var d : extra) found.put(d.type(), d);
      if (config != null) deployment = withConfiguredUrls(deployment, layout, config);
      Deployment.Layout chosen = deployment.layout(layout);
      if (!chosen.name().equals(Deployment.SINGLE)) check(chosen, found);
      var components = new Components(this, found);
      for (var d : found.values()) {
        if (components.isLocal(d.name())) components.get(d.type());
      }
      return components;
    }

    /** {@code layout} with each process's {@code keel.services.url.<process>}, when set. */
    private static Deployment withConfiguredUrls(
        Deployment deployment, String layout, Config config) {
      Deployment.Layout chosen = deployment.layouts().get(layout);
      if (chosen == null) return deployment; // layout(...) names the known ones below
      var processes = new ArrayList<Deployment.Process>();
      for (var p : chosen.processes()) {
        String key = "keel.services.url." + p.name();
        URI url =
            config
                .string(key)
                .map(
                    value -> {
                      URI uri;
                      try {
                        uri = URI.create(value.strip());
                      } catch (IllegalArgumentException e) {
                        uri = URI.create("bad:");
                      }
                      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                          || uri.getHost() == null) {
                        throw new IllegalArgumentException(
                            key + ": '" + value + "' (expected: http://host:port)");
                      }
                      return uri;
                    })
                .orElse(p.url());
        processes.add(new Deployment.Process(p.name(), url, p.components()));
      }
      var layouts = new LinkedHashMap<>(deployment.layouts());
      layouts.put(layout, new Deployment.Layout(layout, processes));
      return new Deployment(layouts);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<ComponentDescriptor<?>> descriptorType() {
      return (Class) ComponentDescriptor.class;
    }

    private void check(Deployment.Layout chosen, Map<Class<?>, ComponentDescriptor<?>> found) {
      if (chosen.process(process).isEmpty()) {
        throw new IllegalArgumentException(
            "process '"
                + process
                + "' is not in layout "
                + chosen.name()
                + " (processes: "
                + chosen.processes().stream().map(Deployment.Process::name).toList()
                + "); set keel.services.process to one of them");
      }
      for (var d : found.values()) {
        if (chosen.host(d.name()).isEmpty()) {
          throw new IllegalArgumentException(
              "component "
                  + d.name()
                  + " is in no process of layout "
                  + chosen.name()
                  + "; add it to a line layout."
                  + chosen.name()
                  + ".<process>.components of "
                  + Deployment.FILE);
        }
      }
    }
  }
}
