package dev.headroom.benchmarks;

import dev.headroom.ModelSpec;
import dev.headroom.catalog.GgufArray;
import dev.headroom.catalog.GgufFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times Headroom's GGUF reader in-process the way {@code benchmarks/compare/compare.mjs} times the JavaScript parsers:
 * warm-up rounds, then timed rounds of one parse each, and the median. For {@code compare-gguf.sh}; JMH's {@link
 * GgufMetadataBenchmark} is the careful measurement.
 *
 * <p>Two variants, each from the file on disk to a {@link ModelSpec}: {@code headroom-full} materialises every
 * array (all 151,936 tokens, token types and merges, as the JavaScript parsers do), {@code headroom-spec} is {@link
 * GgufFile#read(Path)} as an application calls it, which skips arrays over 1,024 elements and keeps their lengths.
 * Each prints one line: {@code RESULT <name> <median ms> <tokens> <min ms> <max ms>}, the tokens being the elements
 * read of {@code tokenizer.ggml.tokens}.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.headroom.benchmarks.GgufParseTiming model.gguf 5 20}
 */
public final class GgufParseTiming {
  private GgufParseTiming() {}

  /**
   * Times both variants on a file.
   *
   * @param args the GGUF file, then optionally the warm-up rounds (default 5) and the timed rounds (default 20)
   */
  public static void main(String[] args) {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: GgufParseTiming <file.gguf> [warm-up rounds] [timed rounds]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    time("headroom-full", file, Integer.MAX_VALUE, warmup, rounds);
    time("headroom-spec", file, GgufFile.DEFAULT_ARRAY_LIMIT, warmup, rounds);
  }

  private static void time(String name, Path file, int arrayLimit, int warmup, int rounds) {
    long tokens = 0;
    for (int i = 0; i < warmup; i++) {
      tokens += parse(file, arrayLimit);
    }
    double[] ms = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      tokens = parse(file, arrayLimit);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    double median = rounds % 2 == 1 ? ms[rounds / 2] : (ms[rounds / 2 - 1] + ms[rounds / 2]) / 2;
    System.out.printf(Locale.ROOT, "RESULT %s %.3f %d %.3f %.3f%n", name, median, tokens, ms[0], ms[rounds - 1]);
  }

  /** One parse to a model spec; returns the tokens read, so the work cannot be dropped. */
  private static long parse(Path file, int arrayLimit) {
    GgufFile gguf = GgufFile.read(file, arrayLimit);
    ModelSpec spec = gguf.toModelSpec();
    GgufArray tokens = (GgufArray) gguf.metadata().get("tokenizer.ggml.tokens");
    if (spec.architecture().vocabSize() != tokens.length()) {
      throw new IllegalStateException("vocabulary " + spec.architecture().vocabSize() + " != " + tokens.length());
    }
    return tokens.values().size();
  }
}
