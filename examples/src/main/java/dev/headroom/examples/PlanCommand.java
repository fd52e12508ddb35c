package dev.headroom.examples;

import dev.headroom.ByteUnit;
import dev.headroom.DecodeSpeed;
import dev.headroom.Estimator;
import dev.headroom.Hardware;
import dev.headroom.Quantization;
import dev.headroom.QuantizationChoice;
import dev.headroom.SharedFit;
import dev.headroom.catalog.Catalog;
import dev.headroom.catalog.DeviceFit;
import dev.headroom.catalog.ModelEntry;
import dev.headroom.catalog.ModelFit;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code headroom plan}: the questions asked backwards. On a device, for one model: the best quantization by each
 * rule, the longest context and the most parallel sequences that fit, the speed, and the memory left with other
 * models beside it; without a model, the largest catalogued models that fit. Without a device, for one model: the
 * smallest catalogued device that reaches a target speed.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "The reverse questions: best quantization, longest context, most parallel sequences, co-resident "
        + "models on a device; or the smallest device reaching a target speed.")
final class PlanCommand implements Callable<Integer> {
  @ArgGroup(exclusive = true)
  Options.DeviceSource device;

  @Option(names = "--model", paramLabel = "ID", description = "A catalogued model.")
  String model;

  @Option(names = "--context", paramLabel = "N", defaultValue = "8192",
      description = "Context per sequence in tokens for the quantization, speed and parallel answers. "
          + "Default: ${DEFAULT-VALUE}.")
  int context;

  @Option(names = "--with", paramLabel = "ID", description = "Another catalogued model to run beside it at its "
      + "best-balance quantization and the same context (repeatable): a draft or embedding model.")
  List<String> with = new ArrayList<>();

  @Option(names = "--target-tps", paramLabel = "TPS", description = "Without a device: find the smallest catalogued "
      + "device on which --model decodes at least this fast at its best-balance quantization (Q4_K_M).")
  Double targetTps;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    Options.requireRange(cmd, "--context", context, 1, Estimator.MAX_CONTEXT);
    Catalog catalog = Catalog.builtIn();
    JsonObject o = new JsonObject().put("context", context);
    StringBuilder text = new StringBuilder();
    ModelEntry entry = model == null ? null : catalog.model(model);
    if (entry == null && !with.isEmpty()) {
      throw new CommandLine.ParameterException(cmd, "--with needs --model: the models run beside it");
    }
    if (device == null) {
      if (entry == null || targetTps == null) {
        throw new CommandLine.ParameterException(cmd, "plan needs --hardware or --hardware-spec, or --model with "
            + "--target-tps to find the smallest device");
      }
      if (!with.isEmpty()) {
        throw new CommandLine.ParameterException(cmd, "--with needs a device: --hardware or --hardware-spec");
      }
      if (!(targetTps > 0) || targetTps.isInfinite()) {
        throw new CommandLine.ParameterException(cmd, "--target-tps must be a number above 0 but was " + targetTps);
      }
      Estimator e = Estimator.of(entry.spec()).context(context);
      Optional<DeviceFit> smallest = catalog.smallestDevice(e, targetTps);
      o.put("model", entry.id()).put("quant", e.quant().name()).put("target_tokens_per_second", targetTps, 6);
      if (smallest.isPresent()) {
        DeviceFit d = smallest.get();
        o.put("smallest_device", d.device().id()).put("smallest_device_name", d.device().name())
            .put("usable_memory_bytes", d.fit().usableMemory().bytes())
            .put("tokens_per_second", d.speed().tokensPerSecond(), 2);
        text.append(String.format(Locale.ROOT, "Smallest device for %s at %s reaching %s tok/s: %s (%s usable), %s",
            entry.name(), e.quant(), Text.plain(targetTps), d.device().name(),
            d.fit().usableMemory().format(ByteUnit.GIB, 0), d.speed()));
      } else {
        o.putNull("smallest_device").putNull("smallest_device_name").putNull("usable_memory_bytes")
            .putNull("tokens_per_second");
        text.append("No catalogued device reaches ").append(Text.plain(targetTps)).append(" tok/s for ")
            .append(entry.name()).append(" at ").append(e.quant());
      }
      return print(o, text);
    }
    if (targetTps != null) {
      throw new CommandLine.ParameterException(cmd, "--target-tps searches the catalog: give it without "
          + "--hardware or --hardware-spec");
    }
    Hardware hardware = device.resolve(cmd);
    o.put("hardware", hardware.id()).put("hardware_name", hardware.name())
        .put("usable_memory_bytes", hardware.usableMemory().bytes());
    text.append(String.format(Locale.ROOT, "On %s, %s usable%n", hardware,
        hardware.usableMemory().format(ByteUnit.GB, 1)));
    if (entry == null) {
      List<JsonObject> rows = new ArrayList<>();
      List<ModelFit> fits = catalog.modelsFor(hardware, context, QuantizationChoice.BEST_BALANCE);
      for (ModelFit f : fits.subList(0, Math.min(10, fits.size()))) {
        rows.add(new JsonObject().put("model", f.model().id()).put("quant", f.quant().name())
            .put("total_bytes", f.fit().memory().total().bytes())
            .put("tokens_per_second", f.speed().tokensPerSecond(), 2));
        text.append(String.format(Locale.ROOT, "  %-40s %-8s %8s  ~%.0f tok/s%n", f.model().name(), f.quant(),
            f.fit().memory().total().format(ByteUnit.GB, 1), f.speed().tokensPerSecond()));
      }
      o.put("largest_models", rows);
      if (fits.isEmpty()) {
        text.append("  no catalogued model fits at ").append(context).append(" tokens");
      }
      return print(o, text);
    }
    Estimator base = Estimator.of(entry.spec()).context(context);
    o.put("model", entry.id());
    text.append(entry.name()).append(String.format(Locale.ROOT, ", %,d tokens:%n", context));
    Optional<Quantization> balance = base.bestQuantization(hardware, QuantizationChoice.BEST_BALANCE);
    Optional<Quantization> quality = base.bestQuantization(hardware, QuantizationChoice.HIGHEST_QUALITY);
    putQuant(o, text, "best_balance_quant", "best balance", balance);
    putQuant(o, text, "highest_quality_quant", "highest quality", quality);
    Estimator chosen = base.quant(balance.orElse(Quantization.Q4_K_M));
    OptionalInt longest = chosen.longestContext(hardware);
    OptionalInt parallel = chosen.maxParallel(hardware);
    putCount(o, text, "longest_context", "longest context at " + chosen.quant(), longest, "tokens");
    putCount(o, text, "max_parallel", "parallel sequences at " + chosen.quant(), parallel, "");
    DecodeSpeed speed = chosen.decode(hardware);
    o.put("tokens_per_second", speed.tokensPerSecond(), 2).put("tokens_per_second_low", speed.low(), 2)
        .put("tokens_per_second_high", speed.high(), 2);
    text.append("  speed             ").append(speed).append(System.lineSeparator());
    if (!with.isEmpty()) {
      List<Estimator> all = new ArrayList<>();
      all.add(chosen);
      for (String id : with) {
        Estimator other = Estimator.of(catalog.model(id).spec()).context(context);
        all.add(other.quant(other.bestQuantization(hardware, QuantizationChoice.BEST_BALANCE)
            .orElse(Quantization.Q4_K_M)));
      }
      SharedFit shared = SharedFit.of(hardware, all);
      List<JsonObject> rows = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        rows.add(new JsonObject().put("model", all.get(i).model().id()).put("quant", all.get(i).quant().name())
            .put("total_bytes", shared.models().get(i).total().bytes()));
      }
      o.put("together", rows).put("together_total_bytes", shared.total().bytes())
          .put("together_headroom_bytes", shared.headroomBytes()).put("together_fits", shared.fits());
      text.append("  together          ").append(shared).append(System.lineSeparator());
    }
    return print(o, text);
  }

  private static void putQuant(JsonObject o, StringBuilder text, String field, String label, Optional<Quantization> q) {
    if (q.isPresent()) {
      o.put(field, q.get().name());
    } else {
      o.putNull(field);
    }
    text.append(String.format(Locale.ROOT, "  %-17s %s%n", label, q.map(Quantization::name).orElse("none fits")));
  }

  private static void putCount(JsonObject o, StringBuilder text, String field, String label, OptionalInt n,
      String unit) {
    if (n.isPresent()) {
      o.put(field, n.getAsInt());
    } else {
      o.putNull(field);
    }
    text.append(String.format(Locale.ROOT, "  %s: %s%n", label,
        n.isPresent() ? String.format(Locale.ROOT, "%,d %s", n.getAsInt(), unit).trim() : "none fits"));
  }

  private int print(JsonObject o, StringBuilder text) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? o : text.toString().stripTrailing());
    return 0;
  }
}
