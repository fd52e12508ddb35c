package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * llama.cpp's buffers against its own measurements (ground-truth/llamacpp-buffers*.csv, CPU backend): KV cache to
 * the byte, output buffer within the 0.005 MiB its printed two decimals allow, compute buffer within 5 % (the
 * issue's tolerance; the largest error seen is under 1 %), model buffer (mapped weights plus the CPU repack
 * copies) to the byte for the qwen2 and gemma2 files.
 */
final class LlamaCppBuffersTest {

  /** Architectures of the measured files, from their config.json (ground-truth/configs) or model-configs.csv. */
  private static ModelSpec model(String name) {
    if (name.startsWith("r1-1.5b")) {
      return TestModels.r1DistillQwen15b();
    }
    if (name.startsWith("qwen2.5-0.5b")) {
      return TestModels.qwen25half();
    }
    if (name.startsWith("gemma-2-2b")) {
      return TestModels.gemma2_2b();
    }
    if (name.startsWith("qwen3-30b-a3b-4l")) {
      return ModelSpec.builder("qwen3-30b-a3b-4l").arch("qwen3moe").layers(4).hiddenSize(2048).heads(32, 4)
          .headDim(128).ffnSize(6144).vocabSize(151936).contextLength(40960)
          .moe(new MixtureOfExperts(128, 8, 0, 768, 0, 0)).build();
    }
    throw new IllegalArgumentException(name);
  }

  private static List<Map<String, String>> rows(String file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
        LlamaCppBuffersTest.class.getResourceAsStream("ground-truth/" + file)), StandardCharsets.UTF_8))) {
      String[] header = in.readLine().split(",");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        List<String> fields = splitCsv(line);
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], i < fields.size() ? fields.get(i) : "");
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }

  private static Estimator estimator(Map<String, String> row) {
    String[] kv = row.get("kv_type").split("/");
    KvCacheType k = KvCacheType.parse(kv[0]);
    KvCacheType v = KvCacheType.parse(kv.length > 1 ? kv[1] : kv[0]);
    int ubatch = row.get("n_ubatch").isEmpty() ? 512 : Integer.parseInt(row.get("n_ubatch"));
    String batchText = row.getOrDefault("n_batch", "");
    int batch = batchText.isEmpty() ? ubatch : Integer.parseInt(batchText);
    LlamaCppRuntime runtime = LlamaCppRuntime.defaults().withBackend(Backend.CPU)
        .withFlashAttention(row.get("flash_attn").equals("1")).withBatch(batch, ubatch)
        .withSwaFull(row.getOrDefault("notes", "").contains("swaFullCache=true"))
        .withMmap(!row.getOrDefault("mode", "").equals("nommap"));
    String types = row.get("tensor_types").toUpperCase(java.util.Locale.ROOT);
    return Estimator.of(model(row.get("model"))).quant(Quantization.parse(types))
        .context(Integer.parseInt(row.get("n_ctx"))).kvTypes(k, v).runtime(runtime);
  }

  @Test
  void everyMeasuredConfiguration_matchesLlamaCpp() throws IOException {
    double worstCompute = 0;
    int checked = 0;
    for (String file : List.of("llamacpp-buffers.csv", "llamacpp-buffers-archs.csv")) {
      for (Map<String, String> row : rows(file)) {
        String what = file + " " + row.get("model") + " ctx=" + row.get("n_ctx") + " fa=" + row.get("flash_attn")
            + " kv=" + row.get("kv_type") + " ubatch=" + row.get("n_ubatch");
        Estimator e = estimator(row);
        if (row.get("compute_buffer_bytes").isEmpty()) {
          assertThatThrownBy(e::vram).as(what).isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("flash attention");
          continue;
        }
        LlamaCppBuffers b = LlamaCppBuffers.of(e.model().architecture(), e.model().tables(), e.context(), 1,
            e.kvType(), e.kvTypeV(), e.runtime());
        assertThat(b.kBytes).as(what + " K").isEqualTo(Long.parseLong(row.get("kv_k_bytes")));
        assertThat(b.vBytes).as(what + " V").isEqualTo(Long.parseLong(row.get("kv_v_bytes")));
        String swaK = row.getOrDefault("kv_swa_k_bytes", "");
        if (!swaK.isEmpty()) {
          assertThat(b.kvSwaBytes).as(what + " SWA").isEqualTo(2 * Long.parseLong(swaK));
        }
        long output = Long.parseLong(row.get("output_buffer_bytes"));
        assertThat((double) b.outputBytes).as(what + " output").isCloseTo(output, org.assertj.core.api.Assertions
            .within(0.005 * 1048576));
        long compute = Long.parseLong(row.get("compute_buffer_bytes"));
        double error = Math.abs((double) b.computeBytes / compute - 1);
        assertThat(error).as(what + " compute %d vs %d", b.computeBytes, compute).isLessThanOrEqualTo(0.05);
        worstCompute = Math.max(worstCompute, error);
        MemoryEstimate m = e.vram();
        assertThat(m.kvCache().bytes()).isEqualTo(b.kvBytes);
        assertThat(m.compute().bytes()).isEqualTo(b.computeBytes);
        assertThat(m.runtime()).isEqualTo(Bytes.ZERO);
        if (!row.get("model").startsWith("qwen3")) {
          assertThat(m.weights().bytes()).as(what + " model buffer")
              .isEqualTo(Long.parseLong(row.get("model_buffer_bytes")));
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(150);
    assertThat(worstCompute).isLessThan(0.01);
  }

  /** gemma-2-2b: 13 sliding layers keep pad(4,096 + 513, 256) = 4,864 cells at 16,384 tokens. */
  @Test
  void slidingWindowCells_arePaddedWindowPlusMicroBatch() {
    LlamaCppRuntime r = LlamaCppRuntime.defaults().withBackend(Backend.CPU).withBatch(513, 513);
    ModelSpec gemma = TestModels.gemma2_2b();
    LlamaCppBuffers b = LlamaCppBuffers.of(gemma.architecture(), gemma.tables(), 16384, 1, KvCacheType.F16,
        KvCacheType.F16, r);
    assertThat(b.kvSwaBytes).isEqualTo(2 * 13L * 4864 * 4 * 256 * 2);
    assertThat(b.contextCells).isEqualTo(16384);
  }

  /** The context is padded to 256 cells; several sequences each get their own padded stream unless unified. */
  @Test
  void context_isPaddedTo256_perStream() {
    ModelSpec r1 = TestModels.r1DistillQwen15b();
    LlamaCppRuntime r = LlamaCppRuntime.defaults();
    long perCell = 28L * 2 * 128 * 2 * 2;
    assertThat(LlamaCppBuffers.of(r1.architecture(), r1.tables(), 1000, 1, KvCacheType.F16, KvCacheType.F16, r)
        .kvBytes).isEqualTo(1024 * perCell);
    assertThat(LlamaCppBuffers.of(r1.architecture(), r1.tables(), 1000, 3, KvCacheType.F16, KvCacheType.F16, r)
        .kvBytes).isEqualTo(3 * 1024 * perCell);
    assertThat(LlamaCppBuffers.of(r1.architecture(), r1.tables(), 1000, 3, KvCacheType.F16, KvCacheType.F16,
        r.withKvUnified(true)).kvBytes).isEqualTo(3072 * perCell);
    assertThat(LlamaCppBuffers.of(r1.architecture(), r1.tables(), 1000, 3, KvCacheType.F16, KvCacheType.F16, r)
        .outputBytes).isEqualTo(3 * 4L * 151_936);
  }

  /** llama-server keeps logits for --parallel tokens only: the compute buffer is no longer the logits peak. */
  @Test
  void fewerOutputs_shrinkTheComputeBuffer() {
    ModelSpec r1 = TestModels.r1DistillQwen15b();
    LlamaCppRuntime lib = LlamaCppRuntime.defaults();
    long all = LlamaCppBuffers.of(r1.architecture(), r1.tables(), 4096, 1, KvCacheType.F16, KvCacheType.F16, lib)
        .computeBytes;
    long one = LlamaCppBuffers.of(r1.architecture(), r1.tables(), 4096, 1, KvCacheType.F16, KvCacheType.F16,
        lib.withOutputs(1)).computeBytes;
    assertThat(all).isGreaterThan(4L * 151_936 * 512);
    assertThat(one).isLessThan(all / 2);
  }

  private static LlamaCppBuffers buffers(Estimator e) {
    return LlamaCppBuffers.of(e.model().architecture(), e.model().tables(), e.context(), 1, e.kvType(),
        e.kvTypeV(), e.runtime());
  }

  /**
   * llamacpp-buffers-archs.csv records the buffer sizes in bytes, not in printed MiB: gemma-2 (sliding window,
   * attention scores dominating without flash attention at 16k and 64k) and the 4-layer Qwen3 MoE (the expert
   * FFN peak) match to the byte. One gap is known and left out: gemma-2 with flash attention and an f16 cache
   * when the sliding-window cache is as long as the full one (4,096 tokens, or swa-full), where llama.cpp's peak
   * is 4.5 MiB higher (within the 1 % of {@link #everyMeasuredConfiguration_matchesLlamaCpp()}).
   */
  @Test
  void archsFile_computeAndOutputBuffers_exactToTheByte() throws IOException {
    int checked = 0;
    for (Map<String, String> row : rows("llamacpp-buffers-archs.csv")) {
      if (row.get("compute_buffer_bytes").isEmpty()) {
        continue;
      }
      boolean knownGap = row.get("flash_attn").equals("1") && row.get("kv_type").equals("f16")
          && row.get("kv_swa_cells").equals(row.get("kv_cells"));
      if (knownGap) {
        continue;
      }
      String what = row.get("model") + " ctx=" + row.get("n_ctx") + " fa=" + row.get("flash_attn") + " kv="
          + row.get("kv_type");
      LlamaCppBuffers b = buffers(estimator(row));
      assertThat(b.computeBytes).as(what + " compute").isEqualTo(Long.parseLong(row.get("compute_buffer_bytes")));
      assertThat(b.outputBytes).as(what + " output").isEqualTo(Long.parseLong(row.get("output_buffer_bytes")));
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(30);
  }

  /**
   * llamacpp-buffers.csv has llama.cpp's printed sizes (MiB, two decimals: 0.005 MiB is 5,243 bytes). Without flash
   * attention at 32k and 128k tokens the attention-score peak is the compute buffer; there the prediction is within
   * that printed precision.
   */
  @Test
  void attentionBoundRows_matchToThePrintedPrecision() throws IOException {
    int checked = 0;
    for (Map<String, String> row : rows("llamacpp-buffers.csv")) {
      if (row.get("compute_buffer_bytes").isEmpty() || !row.get("flash_attn").equals("0")
          || Integer.parseInt(row.get("n_ctx")) < 32768) {
        continue;
      }
      String what = row.get("model") + " ctx=" + row.get("n_ctx") + " kv=" + row.get("kv_type");
      long measured = Long.parseLong(row.get("compute_buffer_bytes"));
      assertThat(buffers(estimator(row)).computeBytes).as(what).isBetween(measured - 5_243, measured + 5_243);
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(16);
  }

  /**
   * 3 sequences of 300 tokens: llama.cpp pads n_ctx = 900 to 1,024 cells; one unified stream keeps them, while
   * separate streams get 1,024 / 3 = 341 cells each, padded to 512: 1,536 cells in all.
   */
  @Test
  void separateStreams_padEachSequence_unifiedPadsOnce() {
    ModelSpec r1 = TestModels.r1DistillQwen15b();
    long perCell = 28L * 2 * 128 * 2 * 2;
    LlamaCppRuntime r = LlamaCppRuntime.defaults();
    LlamaCppBuffers separate = LlamaCppBuffers.of(r1.architecture(), r1.tables(), 300, 3, KvCacheType.F16,
        KvCacheType.F16, r);
    LlamaCppBuffers unified = LlamaCppBuffers.of(r1.architecture(), r1.tables(), 300, 3, KvCacheType.F16,
        KvCacheType.F16, r.withKvUnified(true));
    assertThat(separate.kvBytes).isEqualTo(1536 * perCell);
    assertThat(separate.contextCells).isEqualTo(512);
    assertThat(unified.kvBytes).isEqualTo(1024 * perCell);
    assertThat(unified.contextCells).isEqualTo(1024);
  }

  /**
   * llama.cpp sizes a sliding-window cache at pad(window × sequences + n_ubatch, 256) cells when the streams are
   * unified, and pad(window + n_ubatch, 256) per stream otherwise. gemma-2-2b, 2 sequences of 16,384 tokens,
   * n_ubatch 512: 8,704 cells in one stream, or 4,608 in each of two; 13 sliding layers of 4 KV heads × 256 at f16.
   */
  @Test
  void slidingWindowCells_withSeveralSequences() {
    ModelSpec gemma = TestModels.gemma2_2b();
    LlamaCppRuntime r = LlamaCppRuntime.defaults().withBackend(Backend.CPU).withBatch(512, 512);
    long perCell = 2 * 13L * 4 * 256 * 2;
    LlamaCppBuffers unified = LlamaCppBuffers.of(gemma.architecture(), gemma.tables(), 16384, 2, KvCacheType.F16,
        KvCacheType.F16, r.withKvUnified(true));
    LlamaCppBuffers separate = LlamaCppBuffers.of(gemma.architecture(), gemma.tables(), 16384, 2, KvCacheType.F16,
        KvCacheType.F16, r);
    assertThat(unified.kvSwaBytes).isEqualTo(8704 * perCell);
    assertThat(separate.kvSwaBytes).isEqualTo(2 * 4608 * perCell);
  }
}
