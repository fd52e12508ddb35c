package dev.headroom.examples;

import dev.headroom.ByteUnit;
import dev.headroom.Hardware;
import dev.headroom.catalog.Catalog;
import dev.headroom.catalog.HardwareEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code headroom hardware [QUERY]}: list or search the catalogued devices. */
@Command(name = "hardware", mixinStandardHelpOptions = true, description = "List or search the catalogued devices.")
final class HardwareCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "Words the id, name or alias must hold.")
  List<String> query = List.of();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<HardwareEntry> found = Catalog.builtIn().searchDevices(String.join(" ", query));
    PrintWriter out = spec.commandLine().getOut();
    out.println("| Id | Name | Memory | Usable by the GPU | Bandwidth | Class |");
    out.println("|---|---|---|---|---|---|");
    for (HardwareEntry d : found) {
      Hardware h = d.hardware();
      out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s GB/s | %s |%n", d.id(), d.name(), h.totalMemory(),
          h.usableMemory().format(ByteUnit.GIB, 1), Text.plain(h.bandwidthGBps()),
          d.hardwareClass().name().toLowerCase(Locale.ROOT));
    }
    out.printf(Locale.ROOT, "%n%d device%s%n", found.size(), found.size() == 1 ? "" : "s");
    return found.isEmpty() ? Headroom.BAD_INPUT : 0;
  }
}
