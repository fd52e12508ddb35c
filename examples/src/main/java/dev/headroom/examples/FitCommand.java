package dev.headroom.examples;

import dev.headroom.ByteUnit;
import dev.headroom.Estimator;
import dev.headroom.Hardware;
import dev.headroom.QuantizationChoice;
import dev.headroom.catalog.Catalog;
import dev.headroom.catalog.ModelFit;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code headroom fit}: every catalogued model that fits a device, at the quantization a rule picks. */
@Command(name = "fit", mixinStandardHelpOptions = true,
    description = "Every catalogued model that fits a device, with its quantization, verdict and decode speed.")
final class FitCommand implements Callable<Integer> {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Options.DeviceSource device;

  @Option(names = "--context", paramLabel = "N", defaultValue = "" + Estimator.DEFAULT_CONTEXT,
      description = "Context per sequence in tokens, 1 to " + Estimator.MAX_CONTEXT + ". Default: ${DEFAULT-VALUE}.")
  int context;

  @Option(names = "--rule", paramLabel = "R", defaultValue = "balance",
      description = "balance (Q4_K_M when it fits, else smaller) or quality (most bits that fit). "
          + "Default: ${DEFAULT-VALUE}.")
  String rule;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Options.requireRange(spec.commandLine(), "--context", context, 1, Estimator.MAX_CONTEXT);
    QuantizationChoice choice = Options.oneOf(spec.commandLine(), "--rule", rule, "balance", "quality")
        .equals("balance") ? QuantizationChoice.BEST_BALANCE : QuantizationChoice.HIGHEST_QUALITY;
    Hardware hardware = device.resolve(spec.commandLine());
    List<ModelFit> fits = Catalog.builtIn().modelsFor(hardware, context, choice);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<JsonObject> models = new ArrayList<>();
      for (ModelFit f : fits) {
        models.add(new JsonObject().put("model", f.model().id()).put("model_name", f.model().name())
            .put("quant", f.quant().name()).put("total_bytes", f.fit().memory().total().bytes())
            .put("verdict", f.fit().verdict().name().toLowerCase(Locale.ROOT))
            .put("headroom_bytes", f.fit().headroomBytes())
            .put("tokens_per_second", f.speed().tokensPerSecond(), 2));
      }
      out.println(new JsonObject().put("hardware", hardware.id()).put("hardware_name", hardware.name())
          .put("usable_memory_bytes", hardware.usableMemory().bytes()).put("context", context)
          .put("rule", choice.name().toLowerCase(Locale.ROOT)).put("count", fits.size()).put("models", models));
      return 0;
    }
    out.printf(Locale.ROOT, "%d of %d catalogued models fit %s (%s usable) at %,d tokens:%n%n", fits.size(),
        Catalog.builtIn().models().size(), hardware.name(), hardware.usableMemory().format(ByteUnit.GB, 1),
        context);
    out.println("| Model | Quantization | Memory | Verdict | Decode |");
    out.println("|---|---|---|---|---|");
    for (ModelFit f : fits) {
      out.printf(Locale.ROOT, "| %s | %s | %s | %s | ~%.0f tok/s |%n", f.model().name(), f.quant(),
          f.fit().memory().total().format(ByteUnit.GB, 1), f.fit().verdict().label(), f.speed().tokensPerSecond());
    }
    return 0;
  }
}
