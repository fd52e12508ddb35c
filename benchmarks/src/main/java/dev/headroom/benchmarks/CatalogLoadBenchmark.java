package dev.headroom.benchmarks;

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
 * and checked from its row on first use, and names are indexed at the first lookup by name; neither is measured
 * here. Each fork measures one call.
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
}
