package dev.keel.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Commands about the build: test, format, install, bench, mvn, java. */
final class BuildCommands {
  private BuildCommands() {}

  @Command(
      name = "test",
      description = {
        "Build and run every test (the formatting is checked first).",
        "ARGS go to Maven, e.g. -pl keel-core -Dtest=RouterTest."
      },
      mixinStandardHelpOptions = true)
  static final class Test implements Callable<Integer> {
    @Parameters(paramLabel = "ARGS", description = "arguments for Maven")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
      Workspace ws = Workspace.current();
      if (!ws.isRepository()) {
        var all = new ArrayList<>(List.of("verify"));
        all.addAll(args);
        return Maven.run(ws, all);
      }
      return RepositoryTests.run(ws, args);
    }
  }

  @Command(
      name = "format",
      description = "Reformat all Java sources (google-java-format).",
      mixinStandardHelpOptions = true)
  static final class Format implements Callable<Integer> {
    @Override
    public Integer call() {
      Workspace ws = Workspace.current();
      var args = new ArrayList<String>(List.of("-q"));
      if (ws.isRepository()) args.addAll(List.of("-pl", "!keel-bom"));
      args.add("com.diffplug.spotless:spotless-maven-plugin:apply");
      Maven.runOrFail(ws, args, "formatting failed");
      Console.info("formatted.");
      return 0;
    }
  }

  @Command(
      name = "install",
      description = {
        "Install Keel into your local Maven repository (~/.m2).",
        "Projects made by 'keel new' then build offline. Runs in the Keel repository."
      },
      mixinStandardHelpOptions = true)
  static final class Install implements Callable<Integer> {
    @Override
    public Integer call() {
      Workspace ws = Workspace.current();
      ws.requireRepository("install");
      return Installation.install(ws);
    }
  }

  @Command(
      name = "bench",
      description = {
        "Run the benchmarks beside the peer frameworks (docs/benchmarks.md).",
        "'bench jmh ARGS' runs the JMH micro-benchmarks instead (benchmarks/jmh/README.md)."
      },
      mixinStandardHelpOptions = true)
  static final class Bench implements Callable<Integer> {
    @Parameters(paramLabel = "ARGS", description = "arguments for the harness, or jmh and JMH's")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
      Workspace ws = Workspace.current();
      ws.requireRepository("bench");
      var command = new ArrayList<String>();
      if (!args.isEmpty() && args.getFirst().equals("jmh")) {
        command.add(ws.root().resolve("benchmarks/jmh/run.sh").toString());
        command.addAll(args.subList(1, args.size()));
      } else {
        command.add(ws.root().resolve("benchmarks/wrk/bench.sh").toString());
        command.addAll(args);
      }
      return Processes.run(ws.root(), command);
    }
  }

  @Command(
      name = "mvn",
      description = "Run the Maven Wrapper with the JDK that keel found.",
      mixinStandardHelpOptions = true)
  static final class Mvn implements Callable<Integer> {
    @Parameters(paramLabel = "ARGS", description = "arguments for Maven")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
      return Maven.run(Workspace.current(), args);
    }
  }

  @Command(
      name = "java",
      description = "Print the JDK home that keel uses.",
      mixinStandardHelpOptions = true)
  static final class Java implements Callable<Integer> {
    @Override
    public Integer call() {
      Console.out.println(Jdk.home());
      return 0;
    }
  }
}
