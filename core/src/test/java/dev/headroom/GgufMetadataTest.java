package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Predicted GGUF file sizes against the six published files whose exact byte size is known (the README's accuracy
 * table): the tensor data is exact, so these check the header, metadata and tokenizer estimate of each vocabulary
 * family (Qwen BPE, Llama 3 BPE, Llama 2/Mistral SentencePiece) to within 2,560 bytes.
 */
final class GgufMetadataTest {
  private static final long TOLERANCE = 2_560;

  /** mistralai/Mistral-7B-Instruct-v0.2, config.json: converted by llama.cpp as the llama architecture. */
  private static ModelSpec mistral7bV02() {
    return ModelSpec.builder("mistral-7b-instruct-v0.2").arch("llama").layers(32).hiddenSize(4096).heads(32, 8)
        .ffnSize(14336).vocabSize(32000).tiedEmbeddings(false).contextLength(32768).build();
  }

  private static long error(ModelSpec model, Quantization quant, long publishedBytes) {
    return Estimator.of(model).quant(quant).fileSize().bytes() - publishedBytes;
  }

  @Test
  void qwenVocabulary_r1Distill15b_threeFiles() {
    ModelSpec r1 = TestModels.r1DistillQwen15b();
    assertThat(error(r1, Quantization.Q4_K_M, 1_117_320_576L)).isBetween(-TOLERANCE, TOLERANCE);
    assertThat(error(r1, Quantization.Q8_0, 1_894_531_968L)).isBetween(-TOLERANCE, TOLERANCE);
    assertThat(error(r1, Quantization.Q3_K_S, 861_221_984L)).isBetween(-TOLERANCE, TOLERANCE);
  }

  @Test
  void llama3Vocabulary_llama31_8b_q4km() {
    assertThat(error(TestModels.llama31_8b(), Quantization.Q4_K_M, 4_920_739_168L)).isBetween(-TOLERANCE,
        TOLERANCE);
  }

  @Test
  void sentencePieceVocabulary_mistral7b_q4ks_andQ6k() {
    assertThat(error(mistral7bV02(), Quantization.Q4_K_S, 4_140_374_304L)).isBetween(-TOLERANCE, TOLERANCE);
    assertThat(error(mistral7bV02(), Quantization.Q6_K, 5_942_065_440L)).isBetween(-TOLERANCE, TOLERANCE);
  }

  /** The metadata is padded to 32 bytes, like every tensor, so the whole file is a multiple of 32. */
  @Test
  void fileSize_isAMultipleOf32() {
    assertThat(Estimator.of(TestModels.gemma2_2b()).quant(Quantization.Q4_K_M).fileSize().bytes() % 32).isZero();
    assertThat(Estimator.of(TestModels.qwen3_30b_a3b()).quant(Quantization.Q4_K_M).fileSize().bytes() % 32)
        .isZero();
  }
}
