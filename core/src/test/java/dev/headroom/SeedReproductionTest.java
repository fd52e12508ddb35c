package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every number of the seed page (shared/seed), reproduced by {@link EstimationMethod#SEED} at the precision the
 * page prints: VRAM and "+ Context" to 0.1 GB, file size to 0.01 GB, speeds within 0.5 %.
 */
final class SeedReproductionTest {
  private static final ModelSpec R1 = TestModels.r1DistillQwen15b();

  private static Estimator seed(String quant) {
    return Estimator.of(R1).method(EstimationMethod.SEED).quant(Quantization.parse(quant));
  }

  @ParameterizedTest(name = "{0}: {1} bits, {2} GB, {3} GB at 131,072 tokens, file {4} GB")
  @CsvSource({
    "IQ2_XXS, 2.20, 0.8, 4.5, 0.41",
    "IQ2_M,   2.70, 0.9, 4.6, 0.51",
    "IQ3_XXS, 3.10, 0.9, 4.6, 0.58",
    "Q2_K,    3.40, 1.0, 4.7, 0.64",
    "Q3_K_M,  3.90, 1.1, 4.8, 0.73",
    "IQ4_XS,  4.30, 1.2, 4.9, 0.81",
    "Q4_K_M,  4.80, 1.3, 5.0, 0.90",
    "Q5_K_M,  5.70, 1.4, 5.1, 1.07",
    "Q6_K,    6.60, 1.6, 5.3, 1.24",
    "Q8_0,    8.00, 1.9, 5.6, 1.50",
  })
  void quantizationTable_everyCell(String quant, double bits, String vram, String fullContext, String file) {
    Estimator e = seed(quant);
    assertThat(e.quant().bitsPerWeight()).isEqualTo(bits);
    assertThat(e.context()).isEqualTo(2048);
    assertThat(e.vram().total().format(ByteUnit.GB, 1)).isEqualTo(vram + " GB");
    assertThat(e.context(131072).vram().total().format(ByteUnit.GB, 1)).isEqualTo(fullContext + " GB");
    assertThat(e.fileSize().format(ByteUnit.GB, 2)).isEqualTo(file + " GB");
  }

  /** "KV Cache + Overhead ≈ 0.4 GB (at 2K context + ~0.3 GB framework) … ≈ 4.1 GB (at full 131K context)". */
  @ParameterizedTest(name = "{0} tokens: KV cache + overhead {1} GB")
  @CsvSource({"2048, 0.4", "131072, 4.1"})
  void faq_kvCachePlusOverhead(int context, String gb) {
    MemoryEstimate m = seed("Q4_K_M").context(context).vram();
    assertThat(m.kvCache().plus(m.overhead()).format(ByteUnit.GB, 1)).isEqualTo(gb + " GB");
    assertThat(m.overhead()).isEqualTo(Bytes.of(0.3, ByteUnit.GB));
  }

  /** "Weights = 1.5B × 4.8 bits ÷ 8 = 0.9 GB"; KV from the architecture: 28 layers × 2 KV heads × 128 × 2 × fp16. */
  @ParameterizedTest(name = "weights {0} bytes, KV {1} bytes per token")
  @CsvSource({"900000000, 28672"})
  void faq_formulaTerms(long weights, long kvPerToken) {
    Estimator e = seed("Q4_K_M");
    assertThat(e.weights().bytes()).isEqualTo(weights);
    assertThat(e.kvCache().bytes()).isEqualTo(kvPerToken * 2048);
    assertThat(e.vram()).hasToString("1.3 GB = weights 0.90 GB + KV cache 0.06 GB + overhead 0.30 GB");
    assertThat(e.context(131072).vram())
        .hasToString("5.0 GB = weights 0.90 GB + KV cache 3.76 GB + overhead 0.30 GB");
  }

  /** "tok/s = (bandwidth GB/s ÷ model GB) × efficiency": the four named GPUs, within 0.5 %. */
  @ParameterizedTest(name = "{0}: ~{3} tok/s")
  @CsvSource({
    "AMD Instinct MI300X,      AMD,    5300, 2314",
    "NVIDIA GeForce RTX 4090,  NVIDIA, 1008, 520",
    "NVIDIA H100 SXM,          NVIDIA, 3350, 1729",
    "AMD Instinct MI250X,      AMD,    3277, 1430",
  })
  void speedEstimates(String name, Vendor vendor, double bandwidth, double published) {
    Hardware gpu = Hardware.gpu(name, vendor, Bytes.ofGibibytes(24), bandwidth);
    DecodeSpeed speed = seed("Q4_K_M").decode(gpu);
    assertThat(speed.tokensPerSecond()).isCloseTo(published, within(published * 0.005));
    double efficiency = vendor == Vendor.NVIDIA ? 0.65 : 0.55;
    assertThat(speed.tokensPerSecond())
        .isCloseTo(bandwidth * 1e9 * efficiency / speed.bytesPerToken().bytes(), within(1e-9));
    assertThat(speed.low()).isCloseTo(speed.tokensPerSecond() * 0.8, within(1e-9));
    assertThat(speed.high()).isCloseTo(speed.tokensPerSecond() * 1.2, within(1e-9));
  }
}
