package dev.headroom.benchmarks;

import dev.headroom.DecodeSpeed;
import dev.headroom.Estimator;
import dev.headroom.Fit;
import dev.headroom.Hardware;
import dev.headroom.Quantization;
import dev.headroom.catalog.Catalog;
import dev.headroom.catalog.HardwareEntry;
import dev.headroom.catalog.ModelEntry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole catalog matrix on one thread: every catalogued model × every quantization × every catalogued device,
 * each with its fit verdict and decode speed at the default context.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CatalogMatrixBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CatalogMatrixBenchmark {
  private List<ModelEntry> models;
  private List<Quantization> quantizations;
  private Hardware[] devices;

  @Setup
  public void setup() {
    Catalog catalog = Catalog.builtIn();
    models = catalog.models();
    quantizations = Quantization.values();
    devices = catalog.devices().stream().map(HardwareEntry::hardware).toArray(Hardware[]::new);
  }

  /** Every model × quantization × device: the verdict and the decode speed of each go to the blackhole. */
  @Benchmark
  public void matrix(Blackhole bh) {
    for (ModelEntry m : models) {
      for (Quantization q : quantizations) {
        Estimator e = Estimator.of(m.spec()).quant(q);
        for (Hardware d : devices) {
          Fit fit = e.fit(d);
          DecodeSpeed speed = e.decode(d);
          bh.consume(fit.verdict());
          bh.consume(speed.tokensPerSecond());
        }
      }
    }
  }

}
