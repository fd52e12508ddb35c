package dev.headroom.benchmarks;

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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The catalog's first load in a fresh JVM: reading the bundled CSV files, finding their rows and checking their
 * ids, and the class loading and static set-up of catalog that the first call pays. Each model and device is built
 * and checked from its row on first use, and names are indexed at the first lookup by name: {@link #firstAnswer()}
 * measures what a program that asks by name pays before its first answer. Each fork measures one call.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CatalogLoadBenchmark}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(20)
public class CatalogLoadBenchmark {
  /** Loads the built-in catalog; the first call in the fork is the one measured. */
  @Benchmark
  public Catalog firstLoad() {
    return Catalog.builtIn();
  }

  /**
   * The first answer as the {@code headroom} command gets it: the load, a model and a device found by name (which
   * indexes the names and builds the two entries), and one estimate of memory, verdict and decode speed.
   */
  @Benchmark
  public Fit firstAnswer() {
    Catalog catalog = Catalog.builtIn();
    ModelSpec model = catalog.findModel("Llama 3.1 8B Instruct").orElseThrow().spec();
    Hardware gpu = catalog.findDevice("RTX 4090").orElseThrow().hardware();
    Estimator estimator = Estimator.of(model).quant(Quantization.Q4_K_M).context(8192);
    estimator.decode(gpu);
    return estimator.fit(gpu);
  }
}
