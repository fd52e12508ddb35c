package dev.headroom.examples;

import dev.headroom.ByteUnit;
import dev.headroom.EstimationMethod;
import dev.headroom.Estimator;
import dev.headroom.ModelSpec;
import dev.headroom.Quantization;
import dev.headroom.QuantizationChoice;
import dev.headroom.catalog.Catalog;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints the seed page's quantization table for DeepSeek R1 Distill Qwen 1.5B, computed by the library: once with
 * the seed's own naive method (it reproduces the page) and once with the exact, tensor-level method.
 */
public final class SeedTable {
  private SeedTable() {}

  /** DeepSeek R1 Distill Qwen 1.5B, the seed page's model, from the catalog. */
  static ModelSpec r1DistillQwen15b() {
    return Catalog.builtIn().model("deepseek-r1-distill-qwen-1.5b").spec();
  }

  /** Writes both tables to {@code out}. */
  static void print(ModelSpec model, PrintStream out) {
    for (EstimationMethod method : List.of(EstimationMethod.SEED, EstimationMethod.EXACT)) {
      out.printf(Locale.ROOT, "## %s — VRAM by quantization (%s method)%n%n", model.name(),
          method.name().toLowerCase(Locale.ROOT));
      out.println("| Quantization | Bits | VRAM | + Context | File Size | Quality |");
      out.println("|---|---|---|---|---|---|");
      for (Quantization q : QuantizationChoice.CANDIDATES) {
        Estimator e = Estimator.of(model).quant(q).method(method);
        out.printf(Locale.ROOT, "| %s | %.2f | %s | %s | %s | %s |%n", q, q.bitsPerWeight(),
            e.vram().total().format(ByteUnit.GB, 1),
            e.context(model.architecture().contextLength()).vram().total().format(ByteUnit.GB, 1),
            e.fileSize().format(ByteUnit.GB, 2), q.quality());
      }
      out.println();
    }
    out.printf(Locale.ROOT, "VRAM at %,d tokens; + Context at the full %,d tokens; decimal GB (10^9 bytes).%n",
        Estimator.DEFAULT_CONTEXT, model.architecture().contextLength());
  }

  /** Prints the tables for DeepSeek R1 Distill Qwen 1.5B. */
  public static void main(String[] args) {
    print(r1DistillQwen15b(), System.out);
  }
}
