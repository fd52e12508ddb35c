package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.Estimator;
import dev.headroom.ModelSpec;
import dev.headroom.Quantization;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Predicted GGUF file sizes from config.json against every published size in gguf-file-sizes.csv that uses
 * llama.cpp's standard mixes. Tolerance: 1 %, or the printing precision of the published figure when that is
 * coarser (0.39 GB printed with two decimals is ±1.3 %). Excluded rows are listed below with the reason.
 */
final class FileSizeAccuracyTest {
  private static final Map<String, String> CONFIGS = Map.of(
      "DeepSeek-R1-Distill-Qwen-1.5B", "configs/deepseek-r1-distill-qwen-1.5b.json",
      "Qwen2.5-0.5B-Instruct", "configs/qwen2.5-0.5b-instruct.json",
      "Llama-3.1-8B-Instruct", "configs/llama-3.1-8b-instruct.json",
      "Mistral-7B-Instruct-v0.2", "configs/mistral-7b-instruct-v0.2.json",
      "Qwen2.5-Coder-7B-Instruct", "configs/qwen2.5-coder-7b-instruct.json",
      "gemma-2-2b-it", "configs/gemma-2-2b.json");

  /** Why a published row is not a standard llama-quantize mix, by quantization name or publisher. */
  private static String exclusion(String quant, String publisher) {
    if (quant.matches("Q\\d_K_(L|XL)") && !quant.equals("Q3_K_L")) {
      return "bartowski/unsloth _L and _XL files override the embedding and output types (Q8_0)";
    }
    if (quant.startsWith("Q4_0_")) {
      return "Q4_0_4_4/4_8/8_8 are removed ARM repack types";
    }
    if (publisher.contains("not GGUF") || publisher.startsWith("ollama")) {
      return "not a GGUF file (safetensors, or an ollama manifest with extra layers)";
    }
    if (publisher.startsWith("TheBloke") && quant.equals("Q2_K")) {
      return "TheBloke's December-2023 Q2_K predates llama.cpp's 2024 Q2_K mix";
    }
    return null;
  }

  @Test
  void predictedFileSizes_areWithinOnePercentOfPublishedStandardMixes() {
    Csv csv = Csv.read(TestFiles.text("gguf-file-sizes.csv"), "gguf-file-sizes.csv",
        List.of("model", "publisher_repo", "quant", "file_size_bytes_or_gb", "unit"));
    List<String> report = new ArrayList<>();
    double sumError = 0;
    double worst = 0;
    int checked = 0;
    int within03 = 0;
    int excluded = 0;
    for (int r = 0; r < csv.size(); r++) {
      String model = csv.get(r, "model");
      String quant = csv.get(r, "quant");
      String publisher = csv.get(r, "publisher_repo");
      if (exclusion(quant, publisher) != null) {
        excluded++;
        continue;
      }
      ModelSpec spec = HuggingFaceConfig.parse(TestFiles.text(CONFIGS.get(model)), model);
      long predicted = Estimator.of(spec).quant(Quantization.parse(quant)).fileSize().bytes();
      String unit = csv.get(r, "unit");
      BigDecimal printed = new BigDecimal(csv.get(r, "file_size_bytes_or_gb"));
      double published;
      double precision;
      if (unit.startsWith("bytes")) {
        published = printed.doubleValue();
        precision = 0;
      } else {
        double scale = unit.startsWith("MB") ? 1e6 : 1e9;
        published = printed.doubleValue() * scale;
        precision = 0.5 * Math.pow(10, -printed.scale()) * scale;
      }
      double error = (predicted - published) / published;
      double allowed = Math.max(0.01, precision / published);
      report.add(String.format(Locale.ROOT, "%s %s %s: %d vs %.0f (%+.3f%%)", publisher, model, quant, predicted,
          published, error * 100));
      assertThat(Math.abs(error)).as(report.get(report.size() - 1)).isLessThanOrEqualTo(allowed);
      sumError += Math.abs(error);
      worst = Math.max(worst, Math.abs(error));
      within03 += Math.abs(error) <= 0.003 ? 1 : 0;
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(100);
    assertThat(excluded).isEqualTo(26);
    if (Boolean.getBoolean("headroom.report")) {
      System.out.printf(Locale.ROOT, "checked %d, excluded %d, mean |error| %.3f%%, worst %.3f%%, within 0.3%% %d%n",
          checked, excluded, 100 * sumError / checked, 100 * worst, within03);
    }
    assertThat(sumError / checked).as("mean absolute error").isLessThan(0.003);
    assertThat((double) within03 / checked).as("share within 0.3 %").isGreaterThan(0.85);
  }
}
