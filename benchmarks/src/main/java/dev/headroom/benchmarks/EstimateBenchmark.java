package dev.headroom.benchmarks;

import dev.headroom.DecodeSpeed;
import dev.headroom.Estimator;
import dev.headroom.Fit;
import dev.headroom.Hardware;
import dev.headroom.ModelSpec;
import dev.headroom.Quantization;
import dev.headroom.catalog.Catalog;
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
 * One full estimate of catalogued models on a catalogued GPU: a new estimator for the quantization and context,
 * its memory breakdown, the fit verdict and the decode speed.
 *
 * <p>The blackhole gets what a scheduler reads from the results: the verdict, the total bytes and the tokens per
 * second, not the {@code Fit} and {@code DecodeSpeed} objects. A result that the caller does not keep can then be
 * left out by the JIT (escape analysis) where the method that builds it is inlined, as it would be in such a
 * caller; consuming the objects themselves would force their allocation.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EstimateBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class EstimateBenchmark {
  /** A dense model, a larger dense one and a mixture of experts. */
  @Param({"deepseek-r1-distill-qwen-1.5b", "llama-3.1-8b-instruct", "qwen3-30b-a3b"})
  public String model;

  @Param({"nvidia-geforce-rtx-4090"})
  public String device;

  @Param({"Q4_K_M"})
  public String quant;

  @Param({"32768"})
  public int context;

  private ModelSpec spec;
  private Quantization quantization;
  private Hardware gpu;

  @Setup
  public void setup() {
    Catalog catalog = Catalog.builtIn();
    spec = catalog.model(model).spec();
    gpu = catalog.device(device).hardware();
    quantization = Quantization.parse(quant);
  }

  /** Builds the estimator, then the breakdown, verdict and speed; the verdict, total and tok/s go to the blackhole. */
  @Benchmark
  public void fullEstimate(Blackhole bh) {
    Estimator e = Estimator.of(spec).quant(quantization).context(context);
    Fit fit = e.fit(gpu);
    DecodeSpeed speed = e.decode(gpu);
    bh.consume(fit.verdict());
    bh.consume(fit.memory().total().bytes());
    bh.consume(speed.tokensPerSecond());
  }
}
