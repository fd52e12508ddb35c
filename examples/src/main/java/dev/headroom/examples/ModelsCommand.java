package dev.headroom.examples;

import dev.headroom.Architecture;
import dev.headroom.catalog.Catalog;
import dev.headroom.catalog.ModelEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code headroom models [QUERY]}: list or search the catalogued models. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List or search the catalogued models.")
final class ModelsCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "Words the id, name, alias or repo must hold.")
  List<String> query = List.of();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<ModelEntry> found = Catalog.builtIn().searchModels(String.join(" ", query));
    PrintWriter out = spec.commandLine().getOut();
    out.println("| Id | Name | Parameters | Architecture | Context |");
    out.println("|---|---|---|---|---|");
    for (ModelEntry m : found) {
      Architecture a = m.spec().architecture();
      out.printf(Locale.ROOT, "| %s | %s | %,d%s | %s | %,d |%n", m.id(), m.name(), m.spec().totalParameters(),
          m.spec().isMoe() ? String.format(Locale.ROOT, " (%,d active)", m.spec().activeParameters()) : "",
          a.arch(), a.contextLength());
    }
    out.printf(Locale.ROOT, "%n%d model%s%n", found.size(), found.size() == 1 ? "" : "s");
    return found.isEmpty() ? Headroom.BAD_INPUT : 0;
  }
}
