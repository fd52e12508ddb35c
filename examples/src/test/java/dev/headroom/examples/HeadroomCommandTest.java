package dev.headroom.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The {@code headroom} command, run in-process: exit codes, JSON field by field, the page's sections. */
final class HeadroomCommandTest {

  /** Output, error output and exit status of one run. */
  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Headroom.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(status, out.toString(), err.toString());
  }

  static JsonObject json(Run run) {
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out().strip().lines()).hasSize(1);
    return JsonParser.parseString(run.out()).getAsJsonObject();
  }

  @Nested
  final class Estimate {
    @Test
    void json_hasEveryContractField_withConsistentValues() {
      JsonObject o = json(run("estimate", "--model", "deepseek-r1-distill-qwen-1.5b", "--json"));
      assertThat(o.get("model").getAsString()).isEqualTo("deepseek-r1-distill-qwen-1.5b");
      assertThat(o.get("quant").getAsString()).isEqualTo("Q4_K_M");
      assertThat(o.get("context").getAsInt()).isEqualTo(2048);
      assertThat(o.get("kv_type").getAsString()).isEqualTo("f16");
      assertThat(o.get("method").getAsString()).isEqualTo("exact");
      assertThat(o.get("parameters").getAsLong()).isEqualTo(1_777_088_000L);
      assertThat(o.get("weights_bytes").getAsLong()).isEqualTo(1_111_370_240L);
      assertThat(o.get("kv_cache_bytes").getAsLong()).isEqualTo(58_720_256L);
      long overhead = o.get("compute_bytes").getAsLong() + o.get("output_bytes").getAsLong()
          + o.get("runtime_bytes").getAsLong();
      assertThat(o.get("overhead_bytes").getAsLong()).isEqualTo(overhead);
      assertThat(o.get("total_bytes").getAsLong()).isEqualTo(o.get("weights_bytes").getAsLong()
          + o.get("kv_cache_bytes").getAsLong() + overhead);
      assertThat(o.get("file_bytes").getAsLong()).isBetween(1_110_000_000L, 1_125_000_000L);
      assertThat(o.has("hardware")).isFalse();
    }

    @Test
    void json_withHardware_addsTheFitAndSpeedFields() {
      JsonObject o = json(run("estimate", "--model", "llama 3.1 8b", "--context", "32768", "--kv-type", "q8_0",
          "--parallel", "2", "--hardware", "rtx 4090", "--json"));
      assertThat(o.get("model").getAsString()).isEqualTo("llama-3.1-8b-instruct");
      assertThat(o.get("kv_type").getAsString()).isEqualTo("q8_0");
      assertThat(o.get("parallel").getAsInt()).isEqualTo(2);
      assertThat(o.get("hardware").getAsString()).isEqualTo("nvidia-geforce-rtx-4090");
      assertThat(o.get("usable_memory_bytes").getAsLong()).isEqualTo(24L << 30);
      assertThat(o.get("headroom_bytes").getAsLong())
          .isEqualTo(o.get("usable_memory_bytes").getAsLong() - o.get("total_bytes").getAsLong());
      assertThat(o.get("verdict").getAsString()).as("8B at Q4_K_M, 2 × 32k q8_0 KV: about 10 GB of 24 GiB")
          .isEqualTo("runs_great");
      assertThat(o.get("tokens_per_second").getAsDouble()).isBetween(o.get("tokens_per_second_low").getAsDouble(),
          o.get("tokens_per_second_high").getAsDouble());
      double memory = o.get("memory_ms_per_token").getAsDouble();
      assertThat(memory).isCloseTo(o.get("bytes_per_token").getAsLong()
          / (1e6 * o.get("bandwidth_gbps").getAsDouble() * o.get("efficiency").getAsDouble()), within(1e-3));
      assertThat(o.get("tokens_per_second").getAsDouble()).isCloseTo(1000 / (memory
          + o.get("compute_ms_per_token").getAsDouble() + o.get("overhead_ms_per_token").getAsDouble()), within(0.01));
    }

    @Test
    void json_seedMethod_reproducesTheSeedFigure() {
      JsonObject o = json(run("estimate", "--model", "deepseek-r1:1.5b", "--method", "seed", "--json"));
      assertThat(o.get("weights_bytes").getAsLong()).isEqualTo(900_000_000L);
      assertThat(o.get("total_bytes").getAsLong()).isEqualTo(1_258_720_256L);
      assertThat(o.get("file_bytes").getAsLong()).isEqualTo(900_000_000L);
    }

    @Test
    void text_showsTheBreakdownAndVerdict() {
      Run r = run("estimate", "--model", "deepseek-r1:1.5b", "--hardware", "rtx 4090");
      assertThat(r.status()).isZero();
      assertThat(r.out()).contains("memory     1.8 GB = weights 1.11 GB + KV cache 0.06 GB + overhead 0.59 GB")
          .contains("Runs great — plenty of headroom").containsPattern("speed +\\d+ tok/s = 1000 / \\(");
    }
  }

  @Nested
  final class Speed {
    @Test
    void hardwareSpec_andPrompt_addPrefillFields() {
      JsonObject o = json(run("estimate", "--model", "llama 3.1 8b", "--hardware-spec",
          "fp16_tflops=165,kind=gpu,vendor=nvidia,memory_gib=24,bandwidth_gbps=1008", "--prompt", "4096", "--json"));
      assertThat(o.get("hardware_name").getAsString()).isEqualTo("custom gpu 24 GiB");
      assertThat(o.get("usable_memory_bytes").getAsLong()).isEqualTo(24L << 30);
      assertThat(o.get("bandwidth_gbps").getAsDouble()).isEqualTo(1008);
      assertThat(o.get("prompt_tokens").getAsInt()).isEqualTo(4096);
      double prefill = o.get("prefill_tokens_per_second").getAsDouble();
      assertThat(prefill).isBetween(o.get("prefill_tokens_per_second_low").getAsDouble(),
          o.get("prefill_tokens_per_second_high").getAsDouble());
      assertThat(o.get("time_to_first_token_s").getAsDouble()).isCloseTo(4096 / prefill, within(1e-3));
    }

    @Test
    void prompt_withoutAThroughput_givesNulls() {
      JsonObject o = json(run("estimate", "--model", "llama 3.1 8b", "--hardware-spec",
          "kind=gpu,vendor=nvidia,memory_gib=24,bandwidth_gbps=1008", "--prompt", "512", "--json"));
      assertThat(o.get("prefill_tokens_per_second").isJsonNull()).isTrue();
      assertThat(o.get("time_to_first_token_s").isJsonNull()).isTrue();
    }

    @Test
    void host_splitsAModelThatDoesNotFit_perDevice() {
      JsonObject o = json(run("estimate", "--model", "llama 3.1 70b", "--hardware", "rtx 4090", "--host",
          "kind=cpu,vendor=amd,memory_gib=64,bandwidth_gbps=83", "--context", "8192", "--json"));
      assertThat(o.get("verdict").getAsString()).isEqualTo("wont_fit");
      com.google.gson.JsonArray placement = o.getAsJsonArray("placement");
      assertThat(placement).hasSize(2);
      JsonObject gpu = placement.get(0).getAsJsonObject();
      JsonObject host = placement.get(1).getAsJsonObject();
      assertThat(gpu.get("fits").getAsBoolean()).isTrue();
      assertThat(gpu.get("layers").getAsInt() + host.get("layers").getAsInt()).isEqualTo(80);
      assertThat(o.get("placement_gpu_layers").getAsInt()).isEqualTo(gpu.get("layers").getAsInt());
      assertThat(gpu.get("weights_bytes").getAsLong() + host.get("weights_bytes").getAsLong())
          .isEqualTo(o.get("weights_bytes").getAsLong());
      assertThat(o.get("placement_tokens_per_second").getAsDouble())
          .isLessThan(o.get("tokens_per_second").getAsDouble());
      JsonObject tensor = json(run("estimate", "--model", "llama 3.1 70b", "--hardware-spec",
          "kind=gpu,vendor=nvidia,memory_gib=80,bandwidth_gbps=3350,count=4", "--multi-gpu", "tensor", "--json"));
      assertThat(tensor.get("multi_gpu").getAsString()).isEqualTo("tensor");
      assertThat(tensor.getAsJsonArray("placement")).hasSize(4);
    }

    @Test
    void badSpecOrPrompt_exitsWithStatus2_namingTheProblem() {
      Run spec = run("estimate", "--model", "llama 3.1 8b", "--hardware-spec", "kind=gpu,vendor=nvidia,memory_gib=24");
      assertThat(spec.status()).isEqualTo(2);
      assertThat(spec.err()).contains("needs bandwidth_gbps");
      Run prompt = run("estimate", "--model", "llama 3.1 8b", "--hardware", "rtx 4090", "--prompt", "0");
      assertThat(prompt.status()).isEqualTo(2);
      assertThat(prompt.err()).contains("--prompt must be in [1, 16777216]");
      Run both = run("estimate", "--model", "llama 3.1 8b", "--hardware", "rtx 4090", "--hardware-spec", "x=1");
      assertThat(both.status()).isEqualTo(2);
      Run offload = run("estimate", "--model", "llama 3.1 8b", "--hardware", "rtx 4090", "--offload", "disk");
      assertThat(offload.status()).isEqualTo(2);
      assertThat(offload.err()).contains("--offload must be layers or experts but was 'disk'");
      Run noDevice = run("estimate", "--model", "llama 3.1 8b", "--prompt", "512");
      assertThat(noDevice.status()).isEqualTo(2);
      assertThat(noDevice.err()).contains("--prompt needs a device");
      Run host = run("estimate", "--model", "llama 3.1 8b", "--hardware", "rtx 4090", "--host", "kind=gpu,vendor=amd,"
          + "memory_gib=64,bandwidth_gbps=83");
      assertThat(host.status()).isEqualTo(2);
      assertThat(host.err()).contains("'--host'").contains("host must be a CPU");
      assertThat(host.err()).contains("Try 'headroom estimate --help'");
    }
  }

  @Nested
  final class Plan {
    @Test
    void onADevice_answersTheReverseQuestionsForOneModel() {
      JsonObject o = json(run("plan", "--hardware", "rtx 4090", "--model", "llama 3.1 8b", "--context", "8192",
          "--with", "qwen2.5-0.5b-instruct", "--json"));
      assertThat(o.get("best_balance_quant").getAsString()).isEqualTo("Q4_K_M");
      assertThat(o.get("highest_quality_quant").getAsString()).isEqualTo("Q8_0");
      assertThat(o.get("longest_context").getAsInt()).isBetween(100_000, 131_072);
      assertThat(o.get("max_parallel").getAsInt()).isGreaterThan(1);
      assertThat(o.get("tokens_per_second").getAsDouble()).isPositive();
      assertThat(o.getAsJsonArray("together")).hasSize(2);
      assertThat(o.get("together_headroom_bytes").getAsLong()).isEqualTo(o.get("usable_memory_bytes").getAsLong()
          - o.get("together_total_bytes").getAsLong());
      assertThat(o.get("together_fits").getAsBoolean()).isTrue();
    }

    @Test
    void withoutAModel_listsTheLargestThatFit() {
      JsonObject o = json(run("plan", "--hardware", "rtx 4090", "--json"));
      assertThat(o.getAsJsonArray("largest_models")).isNotEmpty().hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void withoutADevice_findsTheSmallestReachingATargetSpeed() {
      JsonObject o = json(run("plan", "--model", "llama 3.1 8b", "--target-tps", "100", "--json"));
      assertThat(o.get("tokens_per_second").getAsDouble()).isGreaterThanOrEqualTo(100);
      assertThat(o.get("smallest_device").getAsString()).isNotBlank();
      assertThat(json(run("plan", "--model", "llama 3.1 8b", "--target-tps", "1e9", "--json"))
          .get("smallest_device").isJsonNull()).isTrue();
      Run none = run("plan", "--model", "llama 3.1 8b");
      assertThat(none.status()).isEqualTo(2);
      assertThat(none.err()).contains("--target-tps");
      Run both = run("plan", "--hardware", "rtx 4090", "--model", "llama 3.1 8b", "--target-tps", "50");
      assertThat(both.status()).isEqualTo(2);
      assertThat(both.err()).contains("--target-tps searches the catalog");
      Run alone = run("plan", "--hardware", "rtx 4090", "--with", "qwen2.5-0.5b-instruct");
      assertThat(alone.status()).isEqualTo(2);
      assertThat(alone.err()).contains("--with needs --model");
      JsonObject tiny = json(run("plan", "--model", "llama 3.1 8b", "--target-tps", "0.00001", "--json"));
      assertThat(tiny.get("target_tokens_per_second").getAsDouble()).isEqualTo(0.00001);
      assertThat(run("plan", "--model", "llama 3.1 8b", "--target-tps", "0.00001").out()).contains("reaching 0.00001 "
          + "tok/s");
    }
  }

  @Nested
  final class Inputs {
    @TempDir
    Path dir;

    /** A GGUF file's own tensors: the weights are exact and file_bytes is the file's size. */
    @Test
    void gguf_usesTheFilesTensorsAndSize() {
      Path file = dev.headroom.catalog.GgufWriter.r1Distill15b(151_936).write(dir.resolve("r1-Q8_0.gguf"));
      JsonObject o = json(run("estimate", "--gguf", file.toString(), "--runtime", "llama.cpp", "--backend", "cpu",
          "--flash-attention", "off", "--gpu-layers", "0", "--ubatch", "512", "--batch", "512", "--json"));
      assertThat(o.get("quant").getAsString()).isEqualTo("Q8_0");
      assertThat(o.get("weights_bytes").getAsLong()).isEqualTo(1_888_581_632L);
      assertThat(o.get("file_bytes").getAsLong()).isEqualTo(file.toFile().length());
      assertThat(o.get("kv_cache_bytes").getAsLong()).isEqualTo(2 * 29_360_128L);
      // llamacpp-buffers.csv, row r1-1.5b-q8_0 (ctx 2048, fa 0, f16, ubatch 512): compute 317,456,384 B as llama.cpp
      // prints it, to 0.01 MiB (± 5,243 B); the output buffer holds one F32 logit per vocabulary entry.
      assertThat(o.get("compute_bytes").getAsLong()).isBetween(317_456_384L - 5_243, 317_456_384L + 5_243);
      assertThat(o.get("output_bytes").getAsLong()).isEqualTo(4L * 151_936);
      assertThat(o.get("runtime_bytes").getAsLong()).isZero();
      assertThat(o.get("compute_bytes").getAsLong() + o.get("output_bytes").getAsLong()
          + o.get("runtime_bytes").getAsLong()).isEqualTo(o.get("overhead_bytes").getAsLong());
      assertThat(o.get("backend").getAsString()).isEqualTo("cpu");
      JsonObject other = json(run("estimate", "--gguf", file.toString(), "--quant", "Q4_K_M", "--json"));
      assertThat(other.get("weights_bytes").getAsLong()).isEqualTo(1_111_370_240L);
    }

    @Test
    void config_readsAHuggingFaceConfig() throws Exception {
      Path config = java.nio.file.Files.writeString(dir.resolve("config.json"), "{\"_name_or_path\": "
          + "\"deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B\", \"model_type\": \"qwen2\", \"hidden_size\": 1536, "
          + "\"intermediate_size\": 8960, \"num_hidden_layers\": 28, \"num_attention_heads\": 12, "
          + "\"num_key_value_heads\": 2, \"vocab_size\": 151936, \"max_position_embeddings\": 131072, "
          + "\"tie_word_embeddings\": false}");
      JsonObject o = json(run("estimate", "--config", config.toString(), "--json"));
      assertThat(o.get("model").getAsString()).isEqualTo("deepseek-r1-distill-qwen-1.5b");
      assertThat(o.get("parameters").getAsLong()).isEqualTo(1_777_088_000L);
      assertThat(o.get("weights_bytes").getAsLong()).isEqualTo(1_111_370_240L);
    }

    @Test
    void unreadableInputs_exitTwo() throws Exception {
      Run missing = run("estimate", "--gguf", dir.resolve("none.gguf").toString());
      assertThat(missing.status()).isEqualTo(2);
      assertThat(missing.err()).contains("no such file");
      Path junk = java.nio.file.Files.writeString(dir.resolve("junk.gguf"), "not a gguf file at all");
      Run bad = run("estimate", "--gguf", junk.toString());
      assertThat(bad.status()).isEqualTo(2);
      assertThat(bad.err()).contains("is not a valid GGUF file at byte 0");
      Run kv = run("estimate", "--model", "qwen3-8b", "--kv-type", "q8_0", "--flash-attention", "off");
      assertThat(kv.status()).isEqualTo(2);
      assertThat(kv.err()).contains("needs flash attention");
      assertThat(run("estimate", "--model", "qwen3-8b", "--backend", "tpu").err())
          .contains("'tpu' is not a backend");
      assertThat(run("estimate", "--model", "qwen3-8b", "--ubatch", "4096").err())
          .contains("--ubatch must be in [1, 2048] but was 4096");
    }
  }

  @Nested
  final class BadInput {
    @Test
    void unknownModel_exitsTwo_withTheClosestMatches_andNoStackTrace() {
      Run r = run("estimate", "--model", "lama 3.1 8b instruct");
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("no catalogued model matches 'lama 3.1 8b instruct'; did you mean:")
          .contains("llama-3.1-8b-instruct").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void unknownDevice_exitsTwo_withTheClosestMatches() {
      Run r = run("estimate", "--model", "qwen3-8b", "--hardware", "rtx 4095");
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("no catalogued device matches 'rtx 4095'").contains("nvidia-geforce-rtx-4090");
      assertThat(run("fit", "--hardware", "quantum toaster").status()).isEqualTo(2);
    }

    @Test
    void badNumbers_nameTheOptionAndTheRange() {
      Run negative = run("estimate", "--model", "qwen3-8b", "--context", "-5");
      assertThat(negative.status()).isEqualTo(2);
      assertThat(negative.err()).contains("--context must be in [1, 16777216] but was -5");
      Run text = run("estimate", "--model", "qwen3-8b", "--parallel", "many");
      assertThat(text.status()).isEqualTo(2);
      assertThat(text.err()).contains("'--parallel'").contains("'many'");
      Run parallel = run("estimate", "--model", "qwen3-8b", "--parallel", "0");
      assertThat(parallel.err()).contains("--parallel must be in [1, 4096] but was 0");
      Run quant = run("estimate", "--model", "qwen3-8b", "--quant", "Q9_K");
      assertThat(quant.status()).isEqualTo(2);
      assertThat(quant.err()).contains("'Q9_K' is not a known quantization").contains("Q4_K_M");
    }

    @Test
    void missingOrConflictingModelSource_exitsTwo() {
      assertThat(run("estimate").status()).isEqualTo(2);
      assertThat(run("estimate", "--model", "a", "--gguf", "b.gguf").status()).isEqualTo(2);
      assertThat(run("page", "--format", "pdf").err()).contains("--format must be markdown or html but was 'pdf'");
    }
  }

  @Nested
  final class Page {
    @Test
    void markdown_seedMethod_printsTheSeedFigures() {
      Run r = run("page", "--method", "seed");
      assertThat(r.status()).isZero();
      assertThat(r.out()).contains("# DeepSeek R1 Distill Qwen 1.5B — Hardware Requirements & GPU Compatibility")
          .contains("| Architecture | Qwen2ForCausalLM |").contains("| Context Length | 131,072 tokens |")
          .contains("| Q4_K_M | 4.80 | 1.3 GB | 5.0 GB | 0.90 GB | 4-bit medium quantization — most popular "
              + "sweet spot |")
          .contains("| IQ2_XXS | 2.20 | 0.8 GB | 4.5 GB | 0.41 GB |")
          .contains("Weights = 1.5B × 4.8 bits ÷ 8 = 0.9 GB")
          .contains("KV Cache + Overhead ≈ 0.4 GB").contains("KV Cache + Overhead ≈ 4.1 GB")
          .contains("| AMD Instinct MI300X | 5300 ÷ 1.26 × 0.55 = ~2316 tok/s |")
          .contains("| NVIDIA GeForce RTX 4090 | 1008 ÷ 1.26 × 0.65 = ~521 tok/s |")
          .contains("At Q4_K_M, the download is about 0.90 GB. The Q8_0 version is 1.50 GB. The smallest option "
              + "(IQ2_XXS) is 0.41 GB.");
    }

    @Test
    void markdown_exactMethod_hasEverySection() {
      Run r = run("page", "deepseek-r1-distill-qwen-1.5b");
      assertThat(r.status()).isZero();
      for (String section : new String[] {"## Specifications", "## How Much VRAM Does", "## Which GPUs Can Run",
          "## Which Devices Can Run", "## How Fast Is", "## Frequently Asked Questions", "### Can I run",
          "on a Mac?", "### What's the download size", "## Related Models"}) {
        assertThat(r.out()).contains(section);
      }
      assertThat(r.out()).contains("| Q4_K_M | 4.80 | 1.8 GB | 5.5 GB | 1.12 GB |")
          .containsPattern("\\d+ GPUs can run it, including ").contains("Qwen2.5 Math 1.5B (qwen2.5-math-1.5b)")
          .contains("Yes. At Q4_K_M it needs 1.8 GB");
    }

    @Test
    void markdown_anyModel_andAModelNoMacHolds() {
      Run r = run("page", "kimi-k2-instruct", "--quant", "Q4_K_M");
      assertThat(r.status()).isZero();
      assertThat(r.out()).contains("# Kimi K2 Instruct — Hardware").contains("Not at Q4_K_M");
    }

    @Test
    void html_isWellFormed_selfContained_withOneBarPerQuantizationAndSeries(@TempDir Path dir) throws Exception {
      Path file = dir.resolve("page.html");
      Run r = run("page", "--format", "html", "--out", file.toString());
      assertThat(r.status()).isZero();
      String html = Files.readString(file);
      assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("<link")
          .doesNotContain("src=\"");
      org.w3c.dom.Document dom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
      NodeList svgs = dom.getElementsByTagName("svg");
      assertThat(svgs.getLength()).isEqualTo(1);
      NodeList rects = ((Element) svgs.item(0)).getElementsByTagName("rect");
      int shortContext = 0;
      int fullContext = 0;
      for (int i = 0; i < rects.getLength(); i++) {
        String cls = ((Element) rects.item(i)).getAttribute("class");
        shortContext += cls.equals("bar bar-0") ? 1 : 0;
        fullContext += cls.equals("bar bar-1") ? 1 : 0;
      }
      assertThat(shortContext).isEqualTo(10);
      assertThat(fullContext).isEqualTo(10);
      assertThat(dom.getElementsByTagName("h2").getLength()).isGreaterThanOrEqualTo(7);
    }
  }

  @Nested
  final class Listings {
    @Test
    void fit_json_listsModelsThatFit() {
      JsonObject o = json(run("fit", "--hardware", "rtx 4090", "--context", "8192", "--json"));
      assertThat(o.get("hardware").getAsString()).isEqualTo("nvidia-geforce-rtx-4090");
      assertThat(o.get("count").getAsInt()).isEqualTo(o.getAsJsonArray("models").size()).isGreaterThan(50);
      JsonObject first = o.getAsJsonArray("models").get(0).getAsJsonObject();
      assertThat(first.get("total_bytes").getAsLong()).isLessThanOrEqualTo(o.get("usable_memory_bytes").getAsLong());
      assertThat(first.get("verdict").getAsString()).isNotEqualTo("wont_fit");
    }

    @Test
    void modelsAndHardware_searchTheCatalog() {
      Run models = run("models", "qwen3");
      assertThat(models.status()).isZero();
      assertThat(models.out()).contains("| qwen3-8b |").doesNotContain("| llama-3.1-8b-instruct |");
      Run hardware = run("hardware", "m3", "max");
      assertThat(hardware.out()).contains("apple-m3-max-40c-128gb").doesNotContain("rtx");
      assertThat(run("hardware", "no-such-device").status()).isEqualTo(2);
    }

    @Test
    void help_andNoArguments_printUsage() {
      Run none = run();
      assertThat(none.status()).isZero();
      assertThat(none.out()).contains("page").contains("estimate").contains("fit");
      assertThat(run("estimate", "--help").out()).contains("--kv-type").contains("--hardware");
    }
  }
}
