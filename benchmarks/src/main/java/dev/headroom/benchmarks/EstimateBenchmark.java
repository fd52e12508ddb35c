package dev.headroom.benchmarks;

import dev.headroom.Bytes;
import dev.headroom.DecodeSpeed;
import dev.headroom.Estimator;
import dev.headroom.Fit;
import dev.headroom.Hardware;
import dev.headroom.MixtureOfExperts;
import dev.headroom.ModelSpec;
import dev.headroom.Quantization;
import dev.headroom.Vendor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One full estimate: the memory breakdown at a context, the fit verdict on a GPU, and the decode speed.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EstimateBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EstimateBenchmark {
  @Param({"deepseek-r1-distill-qwen-1.5b", "llama-3.1-8b", "qwen3-30b-a3b"})
  public String model;

  @Param({"Q4_K_M"})
  public String quant;

  @Param({"32768"})
  public int context;

  private ModelSpec spec;
  private Quantization quantization;
  private Hardware gpu;

  @Setup
  public void setup() {
    switch (model) {
      case "deepseek-r1-distill-qwen-1.5b":
        spec = ModelSpec.builder(model).arch("qwen2").layers(28).hiddenSize(1536).heads(12, 2).headDim(128)
            .ffnSize(8960).vocabSize(151936).contextLength(131072).build();
        break;
      case "llama-3.1-8b":
        spec = ModelSpec.builder(model).arch("llama").layers(32).hiddenSize(4096).heads(32, 8).ffnSize(14336)
            .vocabSize(128256).contextLength(131072).build();
        break;
      default:
        spec = ModelSpec.builder(model).arch("qwen3moe").layers(48).hiddenSize(2048).heads(32, 4).headDim(128)
            .ffnSize(6144).vocabSize(151936).contextLength(40960).moe(new MixtureOfExperts(128, 8, 0, 768, 0, 0))
            .build();
        break;
    }
    quantization = Quantization.parse(quant);
    gpu = Hardware.gpu("NVIDIA GeForce RTX 4090", Vendor.NVIDIA, Bytes.ofGibibytes(24), 1008);
    Estimator.of(spec).quant(quantization).vram();
  }

  /** Builds the estimator, then the breakdown, verdict and speed; both results go to the blackhole. */
  @Benchmark
  public void fullEstimate(Blackhole bh) {
    Estimator e = Estimator.of(spec).quant(quantization).context(context);
    Fit fit = e.fit(gpu);
    DecodeSpeed speed = e.decode(gpu);
    bh.consume(fit);
    bh.consume(speed);
  }

  @Benchmark
  public void fullEstimatePrimitives(Blackhole bh) {
    Estimator e = Estimator.of(spec).quant(quantization).context(context);
    Fit fit = e.fit(gpu);
    DecodeSpeed speed = e.decode(gpu);
    bh.consume(fit.verdict());
    bh.consume(fit.headroomBytes());
    bh.consume(speed.tokensPerSecond());
  }
}
