package dev.headroom.examples;

import dev.headroom.Backend;
import dev.headroom.EstimationMethod;
import dev.headroom.Estimator;
import dev.headroom.FileWeights;
import dev.headroom.KvCacheType;
import dev.headroom.LlamaCppRuntime;
import dev.headroom.Hardware;
import dev.headroom.ModelSpec;
import dev.headroom.Quantization;
import dev.headroom.catalog.Catalog;
import dev.headroom.catalog.GgufFile;
import dev.headroom.catalog.HuggingFaceConfig;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the subcommands, with their validation. */
final class Options {
  private Options() {}

  /** Where the model comes from: the catalog, a Hugging Face config.json, or a GGUF file. */
  static final class ModelSource {
    @Option(names = "--model", paramLabel = "ID",
        description = "A catalogued model: id, name, alias or Hugging Face repo.")
    String model;

    @Option(names = "--config", paramLabel = "FILE", description = "A Hugging Face config.json.")
    Path config;

    @Option(names = "--gguf", paramLabel = "FILE", description = "A GGUF file (its header only is read).")
    Path gguf;

    /** The model, and for a GGUF file its weights and file type. */
    Resolved resolve() {
      if (config != null) {
        return new Resolved(HuggingFaceConfig.read(config), null, null);
      }
      if (gguf != null) {
        GgufFile file = GgufFile.readSplit(gguf);
        return new Resolved(file.toModelSpec(), file.weights(), file.quantization().orElse(null));
      }
      return new Resolved(Catalog.builtIn().model(model).spec(), null, null);
    }
  }

  /** A resolved model source. */
  record Resolved(ModelSpec spec, @Nullable FileWeights weights, @Nullable Quantization fileQuant) {}

  /** The estimate's configuration. */
  static final class EstimateSettings {
    @Option(names = "--quant", paramLabel = "Q", defaultValue = "Q4_K_M", converter = QuantConverter.class,
        description = "Quantization (Q4_K_M, Q8_0, IQ2_XXS, FP8, AWQ-4bit-g128, 4.65bpw, …). "
            + "Default: ${DEFAULT-VALUE}.")
    Quantization quant;

    @Option(names = "--context", paramLabel = "N", defaultValue = "" + Estimator.DEFAULT_CONTEXT,
        description = "Context per sequence in tokens, 1 to " + Estimator.MAX_CONTEXT + ". Default: ${DEFAULT-VALUE}.")
    int context;

    @Option(names = "--kv-type", paramLabel = "T", defaultValue = "f16",
        description = "KV cache type for keys and values, or K/V (q8_0/f16): f32, f16, bf16, q8_0, q5_1, q5_0, q4_1, "
            + "q4_0, iq4_nl, fp8. Default: ${DEFAULT-VALUE}.")
    String kvType;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
        description = "Parallel sequences, 1 to " + Estimator.MAX_PARALLEL + ". Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Option(names = "--method", paramLabel = "M", defaultValue = "exact", converter = MethodConverter.class,
        description = "seed (the seed page's naive formulas) or exact (tensor by tensor). Default: ${DEFAULT-VALUE}.")
    EstimationMethod method;

    @Mixin
    Runtime runtime;

    Estimator apply(Estimator e, CommandLine cmd) {
      requireRange(cmd, "--context", context, 1, Estimator.MAX_CONTEXT);
      requireRange(cmd, "--parallel", parallel, 1, Estimator.MAX_PARALLEL);
      String[] kv = kvType.split("/", -1);
      if (kv.length > 2) {
        throw new CommandLine.ParameterException(cmd, "--kv-type must be T or K/V but was '" + kvType + "'");
      }
      KvCacheType keys = converted(cmd, "--kv-type", () -> KvCacheType.parse(kv[0]));
      KvCacheType values = kv.length == 2 ? converted(cmd, "--kv-type", () -> KvCacheType.parse(kv[1])) : keys;
      return e.quant(quant).context(context).kvTypes(keys, values).parallel(parallel).method(method)
          .runtime(runtime.settings(cmd));
    }
  }

  /** llama.cpp's settings. */
  static final class Runtime {
    @Option(names = "--runtime", paramLabel = "R", defaultValue = "llama.cpp",
        description = "The runtime whose buffers are sized: llama.cpp. Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--backend", paramLabel = "B", defaultValue = "cuda",
        description = "cpu, cuda, metal, vulkan or rocm. Default: ${DEFAULT-VALUE}.")
    String backend;

    @Option(names = "--flash-attention", paramLabel = "on|off", defaultValue = "on",
        description = "Flash attention on or off (a quantized V cache needs it on). Default: ${DEFAULT-VALUE}.")
    String flashAttention;

    @Option(names = "--gpu-layers", paramLabel = "N", defaultValue = "-1",
        description = "Layers offloaded to the GPU, -1 for all (llama.cpp -ngl). Default: ${DEFAULT-VALUE}.")
    int gpuLayers;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "2048",
        description = "n_batch. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--ubatch", paramLabel = "N", defaultValue = "512",
        description = "n_ubatch. Default: ${DEFAULT-VALUE}.")
    int ubatch;

    @Option(names = "--outputs", paramLabel = "N", defaultValue = "0",
        description = "Logits kept per batch (llama-server: --parallel); 0 = the batch. Default: ${DEFAULT-VALUE}.")
    int outputs;

    @Option(names = "--kv-unified", description = "One KV stream shared by all sequences.")
    boolean kvUnified;

    @Option(names = "--swa-full", description = "Full-size caches for sliding-window layers.")
    boolean swaFull;

    @Option(names = "--no-mmap", description = "Load weights into memory instead of mapping the file.")
    boolean noMmap;

    LlamaCppRuntime settings(CommandLine cmd) {
      oneOf(cmd, "--runtime", name, "llama.cpp");
      Backend b = converted(cmd, "--backend", () -> Backend.parse(backend));
      boolean fa = oneOf(cmd, "--flash-attention", flashAttention, "on", "off").equals("on");
      requireRange(cmd, "--gpu-layers", gpuLayers, -1, 4097);
      requireRange(cmd, "--batch", batch, 1, 1 << 20);
      requireRange(cmd, "--ubatch", ubatch, 1, batch);
      requireRange(cmd, "--outputs", outputs, 0, 1 << 20);
      return LlamaCppRuntime.defaults().withBackend(b).withFlashAttention(fa)
          .withGpuLayers(gpuLayers).withBatch(batch, ubatch).withOutputs(outputs).withKvUnified(kvUnified)
          .withSwaFull(swaFull).withMmap(!noMmap);
    }
  }

  static void requireRange(CommandLine cmd, String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new CommandLine.ParameterException(cmd, String.format(Locale.ROOT,
          "%s must be in [%d, %d] but was %d", option, min, max, value));
    }
  }

  /**
   * {@code value} lower-cased when it is one of {@code allowed} (case-insensitively).
   *
   * @throws CommandLine.ParameterException naming the option, the allowed values and the bad value
   */
  static String oneOf(CommandLine cmd, String option, String value, String... allowed) {
    String v = value.toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    String list = allowed.length == 1 ? allowed[0] : String.join(", ", java.util.Arrays.asList(allowed)
        .subList(0, allowed.length - 1)) + " or " + allowed[allowed.length - 1];
    throw new CommandLine.ParameterException(cmd, option + " must be " + list + " but was '" + value + "'");
  }

  /** One device: a catalogued one by name, or one described by {@code key=value} pairs. */
  static final class DeviceSource {
    @Option(names = "--hardware", paramLabel = "NAME", description = "A catalogued device, e.g. \"rtx 4090\".")
    String hardware;

    @Option(names = "--hardware-spec", paramLabel = "SPEC", description = "A device the catalog does not list: "
        + "\"kind=gpu,vendor=nvidia,memory_gib=24,bandwidth_gbps=1008,fp16_tflops=165\" (keys in any order; kind is "
        + "gpu, unified or cpu; vendor nvidia, amd, intel, apple or other; optional fp16_tflops, fp32_tflops, name, "
        + "count, gpu_share).")
    String spec;

    Hardware resolve(CommandLine cmd) {
      return hardware != null ? Catalog.builtIn().device(hardware).hardware()
          : converted(cmd, "--hardware-spec", () -> Hardware.parse(spec));
    }
  }

  static final class QuantConverter implements CommandLine.ITypeConverter<Quantization> {
    @Override
    public Quantization convert(String value) {
      return converted(() -> Quantization.parse(value));
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

  /** Runs a parse, reporting its IllegalArgumentException as a bad value of {@code option}. */
  static <T> T converted(CommandLine cmd, String option, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, "Invalid value for option '" + option + "': " + e.getMessage());
    }
  }
}
