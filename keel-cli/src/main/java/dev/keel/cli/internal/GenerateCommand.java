package dev.keel.cli.internal;

import dev.keel.cli.internal.generate.FieldParser;
import dev.keel.cli.internal.generate.Generator;
import dev.keel.cli.internal.generate.MigrationSql;
import dev.keel.cli.internal.generate.Names;
import dev.keel.cli.internal.generate.Project;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keel generate}: resources, controllers and migrations written into a project. */
@Command(
    name = "generate",
    aliases = "g",
    description =
        "Write a resource, a controller or a migration into the project (see GENERATE.md).",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "WHAT",
    subcommands = {
      GenerateCommand.Resource.class,
      GenerateCommand.Controller.class,
      GenerateCommand.Migration.class
    })
public final class GenerateCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every generator takes. */
  static final class Common {
    @Option(
        names = "--project",
        paramLabel = "DIR",
        description = "the project's folder (default: the current project)")
    Path project;

    @Option(names = "--force", description = "overwrite files that exist already")
    boolean force;

    Project project() {
      if (project != null) return Project.at(project.toAbsolutePath().normalize());
      String fromLauncher = System.getProperty("keel.project");
      if (fromLauncher != null) return Project.at(Path.of(fromLauncher));
      Workspace ws = Workspace.current();
      if (ws.isRepository()) {
        throw new UsageException(
            "'keel generate' writes into a project, not the Keel repository; run it in a project"
                + " made by keel new, or pass --project DIR");
      }
      return Project.at(ws.root());
    }

    int write(Project p, List<Generator.Change> changes) {
      Generator.write(changes);
      Generator.report(p.root(), changes).forEach(Console::info);
      return 0;
    }
  }

  @Command(
      name = "resource",
      description = {
        "A JSON resource: migration, records, a controller at /api/NAMEs and its test.",
        "Fields are name:type[:modifier]..., e.g. title:string:required:max=200 author:references.",
        "Types: string, text, integer, long, decimal, boolean, date, datetime, uuid, json,"
            + " references.",
        "Modifiers: required, unique, index, min=N, max=N, default=VALUE."
      },
      mixinStandardHelpOptions = true)
  static final class Resource implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "the resource, e.g. Post")
    String name;

    @Parameters(index = "1..*", paramLabel = "FIELD", description = "name:type[:modifier]...")
    List<String> fields = new ArrayList<>();

    @Option(names = "--html", description = "also server-rendered pages (jte) at /NAMEs")
    boolean html;

    @CommandLine.Mixin Common common = new Common();

    @Override
    public Integer call() {
      Names names = Names.of(name);
      var parsed = FieldParser.parseAll(fields);
      Project p = common.project();
      return common.write(p, new Generator(p, common.force).resource(names, parsed, html));
    }
  }

  @Command(
      name = "controller",
      description = "A typed controller at /api/NAME with one GET action, and its test.",
      mixinStandardHelpOptions = true)
  static final class Controller implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "e.g. Status")
    String name;

    @CommandLine.Mixin Common common = new Common();

    @Override
    public Integer call() {
      Names names = Names.of(name);
      Project p = common.project();
      return common.write(p, new Generator(p, common.force).controller(names));
    }
  }

  @Command(
      name = "migration",
      description = "An empty migration VN__NAME.sql (N: the next free version).",
      mixinStandardHelpOptions = true)
  static final class Migration implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "e.g. add_tags_to_posts")
    String name;

    @CommandLine.Mixin Common common = new Common();

    @Override
    public Integer call() {
      String migration = MigrationSql.name(name);
      Project p = common.project();
      return common.write(p, new Generator(p, common.force).migration(migration));
    }
  }
}
