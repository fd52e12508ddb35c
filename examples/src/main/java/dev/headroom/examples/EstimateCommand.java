package dev.headroom.examples;

import dev.headroom.ByteUnit;
import dev.headroom.DecodeSpeed;
import dev.headroom.DeviceLoad;
import dev.headroom.EstimationMethod;
import dev.headroom.Estimator;
import dev.headroom.Fit;
import dev.headroom.Hardware;
import dev.headroom.HardwareKind;
import dev.headroom.MemoryEstimate;
import dev.headroom.ModelSpec;
import dev.headroom.MultiGpu;
import dev.headroom.Offload;
import dev.headroom.Placement;
import dev.headroom.PrefillSpeed;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code headroom estimate}: one model at one configuration, optionally on one device, as text or JSON. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
    description = "Memory, file size, fit and speed of one model at one configuration.")
final class EstimateCommand implements Callable<Integer> {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Options.ModelSource source;

  @Mixin
  Options.EstimateSettings settings;

  @ArgGroup(exclusive = true)
  Options.DeviceSource device;

  @Option(names = "--host", paramLabel = "SPEC", description = "System memory to spill into when the model does not "
      + "fit the GPU, as a spec: \"kind=cpu,vendor=amd,memory_gib=64,bandwidth_gbps=83\".")
  String host;

  @Option(names = "--offload", paramLabel = "HOW", defaultValue = "layers", description = "How a model spills into "
      + "--host: layers (whole layers run on the CPU) or experts (an MoE's routed experts stay in system memory). "
      + "Default: ${DEFAULT-VALUE}.")
  String offload;

  @Option(names = "--multi-gpu", paramLabel = "MODE", defaultValue = "layer", description = "How several GPUs "
      + "(count=N in a spec, or a catalogued system) share the model: layer (llama.cpp's split) or tensor (tensor "
      + "parallel). Default: ${DEFAULT-VALUE}.")
  String multiGpu;

  @Option(names = "--prompt", paramLabel = "N", description = "A prompt length in tokens: adds the prefill speed and "
      + "the time to the first token.")
  Integer prompt;

  @Option(names = "--json", description = "Print exactly one JSON object (snake_case fields, bytes as integers).")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Options.Resolved resolved = source.resolve();
    ModelSpec model = resolved.spec();
    Estimator e = settings.apply(Estimator.of(model), spec.commandLine());
    boolean quantGiven = spec.commandLine().getParseResult().hasMatchedOption("--quant");
    if (resolved.weights() != null && !quantGiven) {
      // A GGUF file: its own type and tensors, unless another quantization was asked for.
      e = e.fileWeights(resolved.weights());
      if (resolved.fileQuant() != null) {
        e = e.quant(resolved.fileQuant());
      }
    }
    CommandLine cmd = spec.commandLine();
    if (prompt != null) {
      Options.requireRange(cmd, "--prompt", prompt, 1, Estimator.MAX_CONTEXT);
    }
    Estimator estimator = e.multiGpu(Options.oneOf(cmd, "--multi-gpu", multiGpu, "layer", "tensor")
        .equals("layer") ? MultiGpu.LAYER_SPLIT : MultiGpu.TENSOR_PARALLEL);
    Offload how = Options.oneOf(cmd, "--offload", offload, "layers", "experts").equals("layers") ? Offload.LAYERS
        : Offload.EXPERTS;
    Hardware hardware = device == null ? null : device.resolve(cmd);
    for (String option : List.of("--prompt", "--host", "--offload", "--multi-gpu")) {
      if (hardware == null && cmd.getParseResult().hasMatchedOption(option)) {
        throw new CommandLine.ParameterException(cmd, option + " needs a device: --hardware or --hardware-spec");
      }
    }
    Hardware hostMemory = host == null ? null : Options.converted(cmd, "--host", () -> Hardware.parse(host));
    Placement placement = hardware == null || hardware.kind() == HardwareKind.CPU
        || estimator.method() != EstimationMethod.EXACT ? null
        : Options.converted(cmd, "--host", () -> estimator.place(hardware, hostMemory, how));
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? toJson(model, estimator, hardware, prompt, placement)
        : toText(model, estimator, hardware, prompt, placement));
    return 0;
  }

  static JsonObject toJson(ModelSpec model, Estimator e, Hardware hardware, Integer prompt, Placement placement) {
    MemoryEstimate m = e.vram();
    JsonObject o = new JsonObject().put("model", model.id()).put("model_name", model.name())
        .put("quant", e.quant().name()).put("context", e.context()).put("parallel", e.parallel())
        .put("kv_type", e.kvType() == e.kvTypeV() ? e.kvType().optionName()
            : e.kvType().optionName() + "/" + e.kvTypeV().optionName())
        .put("method", e.method().name().toLowerCase(Locale.ROOT))
        .put("runtime", "llama.cpp").put("backend", e.runtime().backend().name().toLowerCase(Locale.ROOT))
        .put("flash_attention", e.runtime().flashAttention()).put("gpu_layers", e.runtime().gpuLayers())
        .put("batch", e.runtime().batch()).put("ubatch", e.runtime().ubatch())
        .put("parameters", model.totalParameters()).put("active_parameters", model.activeParameters())
        .put("weights_bytes", m.weights().bytes()).put("kv_cache_bytes", m.kvCache().bytes())
        .put("compute_bytes", m.compute().bytes()).put("output_bytes", m.output().bytes())
        .put("runtime_bytes", m.runtime().bytes()).put("overhead_bytes", m.overhead().bytes())
        .put("total_bytes", m.total().bytes()).put("file_bytes", e.fileSize().bytes());
    if (hardware != null) {
      Fit fit = e.fit(hardware);
      DecodeSpeed speed = e.decode(hardware);
      o.put("hardware", hardware.id()).put("hardware_name", hardware.name())
          .put("usable_memory_bytes", fit.usableMemory().bytes())
          .put("verdict", fit.verdict().name().toLowerCase(Locale.ROOT)).put("verdict_label", fit.verdict().label())
          .put("headroom_bytes", fit.headroomBytes()).put("tokens_per_second", speed.tokensPerSecond(), 2)
          .put("tokens_per_second_low", speed.low(), 2).put("tokens_per_second_high", speed.high(), 2)
          .put("bytes_per_token", speed.bytesPerToken().bytes())
          .put("bandwidth_gbps", hardware.bandwidthGBps(), 3)
          .put("efficiency", e.calibrationFor(hardware).efficiency(), 4)
          .put("memory_ms_per_token", speed.memoryMillis(), 6).put("compute_ms_per_token", speed.computeMillis(), 6)
          .put("overhead_ms_per_token", speed.overheadMillis(), 6);
      if (placement != null) {
        List<JsonObject> loads = new ArrayList<>();
        for (DeviceLoad d : placement.devices()) {
          loads.add(new JsonObject().put("device", d.hardware().id()).put("device_name", d.hardware().name())
              .put("kind", d.hardware().kind().name().toLowerCase(Locale.ROOT)).put("layers", d.layers())
              .put("weights_bytes", d.weights().bytes()).put("kv_cache_bytes", d.kvCache().bytes())
              .put("buffers_bytes", d.buffers().bytes()).put("total_bytes", d.total().bytes())
              .put("usable_memory_bytes", d.usableMemory().bytes()).put("fits", d.fits()));
        }
        o.put("multi_gpu", e.multiGpu() == MultiGpu.TENSOR_PARALLEL ? "tensor" : "layer")
            .put("offload", placement.offload().name().toLowerCase(Locale.ROOT)).put("placement", loads)
            .put("placement_gpu_layers", placement.gpuLayers())
            .put("placement_expert_layers_on_host", placement.expertLayersOnHost())
            .put("placement_fits", placement.fits())
            .put("placement_tokens_per_second", placement.decode().tokensPerSecond(), 2);
      }
      if (prompt != null) {
        Optional<PrefillSpeed> prefill = e.prefill(hardware, prompt);
        o.put("prompt_tokens", prompt);
        if (prefill.isPresent()) {
          o.put("prefill_tokens_per_second", prefill.get().tokensPerSecond(), 2)
              .put("prefill_tokens_per_second_low", prefill.get().low(), 2)
              .put("prefill_tokens_per_second_high", prefill.get().high(), 2)
              .put("time_to_first_token_s", prefill.get().timeToFirstToken(), 4);
        } else {
          o.putNull("prefill_tokens_per_second").putNull("prefill_tokens_per_second_low")
              .putNull("prefill_tokens_per_second_high").putNull("time_to_first_token_s");
        }
      }
    }
    return o;
  }

  static String toText(ModelSpec model, Estimator e, Hardware hardware, Integer prompt, Placement placement) {
    MemoryEstimate m = e.vram();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%s at %s, %,d tokens × %d, KV %s, %s method%s%n", model.name(), e.quant(),
        e.context(), e.parallel(), e.kvType().optionName(), e.method().name().toLowerCase(Locale.ROOT),
        e.method() == EstimationMethod.EXACT ? ", " + e.runtime() : ""));
    out.append("  memory     ").append(m).append(System.lineSeparator());
    out.append("  download   ").append(e.fileSize().format(ByteUnit.GB, 2)).append(System.lineSeparator());
    if (hardware != null) {
      Fit fit = e.fit(hardware);
      out.append("  on         ").append(hardware).append(System.lineSeparator());
      out.append("  verdict    ").append(fit.verdict().label()).append(String.format(Locale.ROOT,
          " (%s of %s usable)%n", m.total().format(ByteUnit.GB, 1), fit.usableMemory().format(ByteUnit.GB, 1)));
      out.append("  speed      ").append(e.decode(hardware)).append(System.lineSeparator());
      if (placement != null && (placement.devices().size() > 1 || !fit.verdict().fits())) {
        out.append("  placement  ").append(placement).append(System.lineSeparator());
      }
      if (prompt != null) {
        out.append("  prompt     ").append(e.prefill(hardware, prompt).map(Object::toString)
            .orElse("unknown: the device's FP16 and FP32 throughput are not known")).append(System.lineSeparator());
      }
    }
    return out.toString().stripTrailing();
  }
}
