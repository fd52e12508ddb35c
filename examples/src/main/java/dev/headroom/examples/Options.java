package dev.headroom.examples;

import dev.headroom.EstimationMethod;
import dev.headroom.Estimator;
import dev.headroom.KvCacheType;
import dev.headroom.ModelSpec;
import dev.headroom.Quantization;
import dev.headroom.catalog.Catalog;
import dev.headroom.catalog.HardwareEntry;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Options shared by the subcommands, with their validation. */
final class Options {
  private Options() {}

  /** Where the model comes from: the catalog, a Hugging Face config.json, or a GGUF file. */
  static final class ModelSource {
    @Option(names = "--model", paramLabel = "ID", description = "A catalogued model: id, name, alias or Hugging Face repo.")
    String model;

    @Option(names = "--config", paramLabel = "FILE", description = "A Hugging Face config.json.")
    Path config;

    @Option(names = "--gguf", paramLabel = "FILE", description = "A GGUF file (its header only is read).")
    Path gguf;

    ModelSpec resolve() {
      if (config != null) {
        throw new IllegalArgumentException("--config is not supported yet: reading config.json arrives with "
            + "exact GGUF prediction; use --model with a catalogued model");
      }
      if (gguf != null) {
        throw new IllegalArgumentException("--gguf is not supported yet: the GGUF reader arrives with exact GGUF "
            + "prediction; use --model with a catalogued model");
      }
      return Catalog.builtIn().model(model).spec();
    }
  }

  /** The estimate's configuration. */
  static final class EstimateSettings {
    @Option(names = "--quant", paramLabel = "Q", defaultValue = "Q4_K_M", converter = QuantConverter.class,
        description = "Quantization (Q4_K_M, Q8_0, IQ2_XXS, FP8, AWQ-4bit-g128, 4.65bpw, …). Default: ${DEFAULT-VALUE}.")
    Quantization quant;

    @Option(names = "--context", paramLabel = "N", description = "Context per sequence in tokens, 1 to 16777216. "
        + "Default: 2048.")
    Integer context;

    @Option(names = "--kv-type", paramLabel = "T", defaultValue = "f16", converter = KvTypeConverter.class,
        description = "KV cache type: f32, f16, bf16, q8_0, q5_1, q5_0, q4_1, q4_0, iq4_nl, fp8. Default: ${DEFAULT-VALUE}.")
    KvCacheType kvType;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
        description = "Parallel sequences, 1 to 4096. Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Option(names = "--method", paramLabel = "M", defaultValue = "exact", converter = MethodConverter.class,
        description = "seed (the seed page's naive formulas) or exact (tensor by tensor). Default: ${DEFAULT-VALUE}.")
    EstimationMethod method;

    Estimator apply(Estimator e, CommandLine cmd) {
      int tokens = context == null ? Estimator.DEFAULT_CONTEXT : context;
      requireRange(cmd, "--context", tokens, 1, Estimator.MAX_CONTEXT);
      requireRange(cmd, "--parallel", parallel, 1, Estimator.MAX_PARALLEL);
      return e.quant(quant).context(tokens).kvType(kvType).parallel(parallel).method(method);
    }
  }

  static void requireRange(CommandLine cmd, String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new CommandLine.ParameterException(cmd, String.format(Locale.ROOT,
          "%s must be in [%d, %d] but was %d", option, min, max, value));
    }
  }

  static HardwareEntry device(String query) {
    return Catalog.builtIn().device(query);
  }

  static final class QuantConverter implements CommandLine.ITypeConverter<Quantization> {
    @Override
    public Quantization convert(String value) {
      return converted(() -> Quantization.parse(value));
    }
  }

  static final class KvTypeConverter implements CommandLine.ITypeConverter<KvCacheType> {
    @Override
    public KvCacheType convert(String value) {
      return converted(() -> KvCacheType.parse(value));
    }
  }

  static final class MethodConverter implements CommandLine.ITypeConverter<EstimationMethod> {
    @Override
    public EstimationMethod convert(String value) {
      for (EstimationMethod m : EstimationMethod.values()) {
        if (m.name().equalsIgnoreCase(value)) {
          return m;
        }
      }
      throw new CommandLine.TypeConversionException("'" + value + "' is not a method; expected seed or exact");
    }
  }

  /** Runs a parse, turning its IllegalArgumentException into picocli's conversion error with the same message. */
  static <T> T converted(java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }

  /** Exactly one model source. */
  static final class RequiredModel {
    @ArgGroup(exclusive = true, multiplicity = "1")
    ModelSource source;
  }
}
