package dev.headroom.catalog;

import static dev.headroom.Quantization.Q4_K_M;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.ByteUnit;
import dev.headroom.Bytes;
import dev.headroom.EstimationMethod;
import dev.headroom.Estimator;
import dev.headroom.Hardware;
import dev.headroom.HardwareKind;
import dev.headroom.ModelSpec;
import dev.headroom.QuantizationChoice;
import dev.headroom.Vendor;
import dev.headroom.Verdict;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CatalogTest {
  private static final Catalog CATALOG = Catalog.builtIn();

  @Test
  void builtIn_isLoadedOnce() {
    assertThat(Catalog.builtIn()).isSameAs(CATALOG);
  }

  @Test
  void device_forgivesSpelling() {
    for (String query : List.of("rtx 4090", "RTX4090", "GeForce RTX 4090", "nvidia geforce rtx 4090", "4090")) {
      assertThat(CATALOG.device(query).id()).as(query).isEqualTo("nvidia-geforce-rtx-4090");
    }
    assertThat(CATALOG.device("m3 max 128gb").id()).isEqualTo("apple-m3-max-40c-128gb");
    assertThat(CATALOG.device("M3 Max 30-core GPU 96GB").id()).isEqualTo("apple-m3-max-30c-96gb");
    assertThat(CATALOG.device("dgx h100").hardware().count()).isEqualTo(8);
    assertThat(CATALOG.device("mi300x").hardware().vendor()).isEqualTo(Vendor.AMD);
  }

  @Test
  void model_findsByIdNameAliasAndRepo() {
    for (String query : List.of("deepseek-r1-distill-qwen-1.5b", "DeepSeek R1 Distill Qwen 1.5B", "deepseek-r1:1.5b",
        "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B", "DeepSeek-R1-Distill-Qwen-1.5B")) {
      assertThat(CATALOG.model(query).id()).as(query).isEqualTo("deepseek-r1-distill-qwen-1.5b");
    }
    assertThat(CATALOG.model("llama 3.1 8b").id()).isEqualTo("llama-3.1-8b-instruct");
  }

  @Test
  void miss_namesTheClosestEntries() {
    assertThatThrownBy(() -> CATALOG.device("rtx 4095")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no catalogued device matches 'rtx 4095'; did you mean: ")
        .hasMessageContaining("nvidia-geforce-rtx-4090");
    assertThatThrownBy(() -> CATALOG.model("lama 3.1 8b instruct")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("llama-3.1-8b-instruct");
    assertThat(CATALOG.findDevice("")).isEmpty();
    assertThat(CATALOG.suggestDevices("4090", 3)).extracting(HardwareEntry::id).contains("nvidia-geforce-rtx-4090");
  }

  /** Hand-checked: R1 1.5B at Q4_K_M and 2,048 tokens takes about 1.8 GB, so every GPU with 2 GiB or more runs it. */
  @Test
  void compatibility_everyGpuWithTwoGibRunsR1Distill15b() {
    ModelSpec r1 = CATALOG.model("deepseek-r1-distill-qwen-1.5b").spec();
    Estimator e = Estimator.of(r1).quant(Q4_K_M).context(2048);
    assertThat(e.vram().total().to(ByteUnit.GB)).isBetween(1.7, 1.9);
    Compatibility c = CATALOG.compatibility(e);
    for (DeviceFit d : c.devices()) {
      if (d.device().hardware().usableMemory().compareTo(Bytes.ofGibibytes(2)) >= 0) {
        assertThat(d.fit().verdict().fits()).as(d.device().id()).isTrue();
      }
    }
    long singleGpus = CATALOG.devices(HardwareKind.GPU).stream().filter(d -> d.hardware().count() == 1).count();
    assertThat(c.fittingGpus()).hasSize((int) singleGpus);
    assertThat(c.fitting()).isSortedAccordingTo(
        (a, b) -> Double.compare(b.speed().tokensPerSecond(), a.speed().tokensPerSecond()));
  }

  /** Llama 3.3 70B at Q4_K_M is about 42.5 GB of weights: no 24 GiB GPU holds it, an 80 GB H100 does. */
  @Test
  void compatibility_llama33_70b_doesNotFitA24GibGpu() {
    ModelSpec llama = CATALOG.model("llama-3.3-70b-instruct").spec();
    Estimator e = Estimator.of(llama).quant(Q4_K_M);
    assertThat(e.weights().to(ByteUnit.GB)).isBetween(42.0, 43.0);
    assertThat(e.fit(CATALOG.device("rtx 4090").hardware()).verdict()).isEqualTo(Verdict.WONT_FIT);
    assertThat(e.fit(CATALOG.device("h100").hardware()).verdict().fits()).isTrue();
    Compatibility c = CATALOG.compatibility(e);
    assertThat(c.fittingGpus()).allMatch(d -> d.device().hardware().memory().compareTo(Bytes.ofGibibytes(40)) >= 0);
    assertThat(c.fittingDevices()).extracting(d -> d.device().id()).contains("nvidia-dgx-h100",
        "apple-m3-max-40c-128gb");
  }

  /** A 24 GiB card holds Qwen2.5 32B at Q4_K_M (about 20 GB) but not at Q8_0, and Llama 3.1 8B at Q8_0. */
  @Test
  void modelsFor_picksTheQuantizationPerRule() {
    Hardware rtx4090 = CATALOG.device("rtx 4090").hardware();
    assertThat(Estimator.of(CATALOG.model("qwen2.5-32b-instruct").spec()).quant(Q4_K_M).weights().to(ByteUnit.GB))
        .isBetween(19.0, 21.0);
    List<ModelFit> balance = CATALOG.modelsFor(rtx4090, 4096, QuantizationChoice.BEST_BALANCE);
    List<ModelFit> quality = CATALOG.modelsFor(rtx4090, 4096, QuantizationChoice.HIGHEST_QUALITY);
    ModelFit qwen32 = balance.stream().filter(f -> f.model().id().equals("qwen2.5-32b-instruct")).findFirst()
        .orElseThrow();
    assertThat(qwen32.quant()).isEqualTo(Q4_K_M);
    assertThat(quality.stream().filter(f -> f.model().id().equals("qwen2.5-32b-instruct")).findFirst().orElseThrow()
        .quant().bitsPerWeight()).isLessThan(8);
    assertThat(quality.stream().filter(f -> f.model().id().equals("llama-3.1-8b-instruct")).findFirst().orElseThrow()
        .quant()).isEqualTo(dev.headroom.Quantization.Q8_0);
    assertThat(balance).noneMatch(f -> f.model().id().equals("deepseek-r1"));
    assertThat(balance).allMatch(f -> f.fit().verdict().fits());
    assertThat(balance).isSortedAccordingTo((a, b) -> Long.compare(b.model().spec().totalParameters(),
        a.model().spec().totalParameters()));
  }

  /** The smallest device reaching a speed: every device with less memory either does not fit or is slower. */
  @Test
  void smallestDevice_isTheLeastMemoryThatFitsAndReachesTheSpeed() {
    Estimator e = Estimator.of(CATALOG.model("llama 3.1 8b").spec()).context(8192);
    DeviceFit slow = CATALOG.smallestDevice(e, 20).orElseThrow();
    DeviceFit fast = CATALOG.smallestDevice(e, 150).orElseThrow();
    assertThat(slow.speed().tokensPerSecond()).isGreaterThanOrEqualTo(20);
    assertThat(fast.speed().tokensPerSecond()).isGreaterThanOrEqualTo(150);
    assertThat(fast.fit().usableMemory()).isGreaterThanOrEqualTo(slow.fit().usableMemory());
    for (DeviceFit d : CATALOG.compatibility(e).devices()) {
      if (d.fit().usableMemory().bytes() < fast.fit().usableMemory().bytes()) {
        assertThat(d.fit().verdict().fits() && d.speed().tokensPerSecond() >= 150).as(d.device().id()).isFalse();
      }
    }
    assertThat(CATALOG.smallestDevice(e, 1e9)).isEmpty();
    assertThatThrownBy(() -> CATALOG.smallestDevice(e, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokensPerSecond");
  }

  @Test
  void seedMethod_fitsTheSeedsOwnFigureOnEveryGpu() {
    ModelSpec r1 = CATALOG.model("deepseek-r1-distill-qwen-1.5b").spec();
    Compatibility c = CATALOG.compatibility(Estimator.of(r1).method(EstimationMethod.SEED));
    assertThat(c.fitting()).hasSameSizeAs(c.devices());
    assertThat(c.fitting()).allSatisfy(d -> assertThat(d.fit().memory().total().format(ByteUnit.GB, 1))
        .isEqualTo("1.3 GB"));
  }

  @Test
  void builder_addsUserEntries_andReadsCsvOfTheSameFormat() {
    ModelSpec tiny = ModelSpec.builder("my-tiny").arch("llama").layers(2).hiddenSize(256).heads(4, 2).ffnSize(512)
        .vocabSize(1000).contextLength(2048).build();
    String gpus = "id,name,aliases,vendor,class,memory_gib,bandwidth_gbps,sources\n"
        + "acme-x1,Acme X1,\"x1;acme, x1\",NVIDIA,consumer,12,500,\"mem,bw=acme-datasheet\"\n";
    Catalog mine = Catalog.builder().addBuiltIn().addModel(ModelEntry.of(tiny).withAliases(List.of("tiny")))
        .readGpus(new StringReader(gpus), "my-gpus.csv")
        .addDevice(HardwareEntry.of(Hardware.gpu("Lab GPU", Vendor.OTHER, Bytes.ofGibibytes(48), 900),
            HardwareClass.WORKSTATION))
        .build();
    assertThat(mine.model("tiny").spec()).isSameAs(tiny);
    assertThat(mine.device("acme x1").hardware().memory()).isEqualTo(Bytes.ofGibibytes(12));
    assertThat(mine.device("acme, x1").id()).isEqualTo("acme-x1");
    assertThat(mine.device("lab gpu").hardwareClass()).isEqualTo(HardwareClass.WORKSTATION);
    assertThat(mine.models()).hasSize(CATALOG.models().size() + 1);
    String unified = "id,name,aliases,vendor,kind,memory_options_gib,bandwidth_gbps,gpu_share_rule,sources\n"
        + "acme-soc,Acme SoC,acme soc,Apple,apple-silicon,16;64,200,apple-default,\"mem,bw=acme\"\n";
    String systems = "id,name,aliases,gpu_id,gpu_count,sources\nacme-4x,Acme Box,,acme-x1,4,count=acme\n";
    Catalog more = Catalog.builder().readGpus(new StringReader(gpus), "g.csv")
        .readUnified(new StringReader(unified), "u.csv").readSystems(new StringReader(systems), "s.csv").build();
    assertThat(more.device("acme soc 64gb").hardware().usableMemory()).isEqualTo(Bytes.ofGibibytes(48));
    assertThat(more.device("acme-soc-16gb").hardware().gpuMemoryShare()).isEqualTo(2.0 / 3);
    assertThat(more.device("acme box").hardware().usableMemory()).isEqualTo(Bytes.ofGibibytes(48));
    String unknownGpu = "id,name,aliases,gpu_id,gpu_count,sources\nb,B,,nope,4,count=x\n";
    assertThatThrownBy(() -> Catalog.builder().readSystems(new StringReader(unknownGpu), "s.csv"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s.csv line 2")
        .hasMessageContaining("gpu_id 'nope' is not a catalogued GPU");
    Catalog bom = Catalog.builder().readGpus(new StringReader("\uFEFF" + gpus), "excel.csv").build();
    assertThat(bom.device("acme-x1").name()).isEqualTo("Acme X1");
  }

  @Test
  void builder_rejectsDuplicatesAndMalformedRows() {
    ModelEntry r1 = CATALOG.model("deepseek-r1-distill-qwen-1.5b");
    assertThatThrownBy(() -> Catalog.builder().addModel(r1).addModel(r1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'deepseek-r1-distill-qwen-1.5b' appears twice");
    ModelEntry clash = ModelEntry.of(ModelSpec.builder("other").layers(1).hiddenSize(8).heads(1, 1).ffnSize(8)
        .vocabSize(8).contextLength(8).build()).withAliases(List.of("deepseek-r1:1.5b"));
    assertThatThrownBy(() -> Catalog.builder().addModel(r1).addModel(clash).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share the name 'deepseek-r1:1.5b'");
    HardwareEntry dashed = HardwareEntry.of(Hardware.gpu("A", Vendor.OTHER, Bytes.ofGibibytes(8), 100),
        HardwareClass.CONSUMER).withAliases(List.of("my-gpu"));
    HardwareEntry spaced = HardwareEntry.of(Hardware.gpu("B", Vendor.OTHER, Bytes.ofGibibytes(8), 100),
        HardwareClass.CONSUMER).withAliases(List.of("My GPU"));
    assertThatThrownBy(() -> Catalog.builder().addDevice(dashed).addDevice(spaced).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share the name 'My GPU'");
    String badMemory = "id,name,vendor,class,memory_gib,bandwidth_gbps,sources\nx,X,NVIDIA,consumer,lots,5,\"mem=a\"\n";
    assertThatThrownBy(() -> Catalog.builder().readGpus(new StringReader(badMemory), "bad.csv"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.csv line 2")
        .hasMessageContaining("memory_gib must be a number but was 'lots'");
    String missingColumn = "id,name\nx,X\n";
    assertThatThrownBy(() -> Catalog.builder().readModels(new StringReader(missingColumn), "m.csv"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m.csv has no column 'arch'");
    String badVendor = "id,name,vendor,class,memory_gib,bandwidth_gbps,sources\nx,X,Acme,consumer,8,5,m\n";
    assertThatThrownBy(() -> Catalog.builder().readGpus(new StringReader(badVendor), "v.csv"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v.csv line 2")
        .hasMessageContaining("'Acme' is not a vendor");
    String header = "id,name,arch,layers,hidden_size,attention_heads,vocab_size,context_length,sources,"
        + "release_date,ffn_size\n";
    for (String date : new String[] {"2024-13-01", "2024-02-30", "24-01-01", "2024/01/01", "2024-01-1x"}) {
      String row = header + "m,M 1B,llama,2,64,4,100,128,s=x," + date + ",256\n";
      assertThatThrownBy(() -> Catalog.builder().readModels(new StringReader(row), "d.csv"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("d.csv line 2")
          .hasMessageContaining("release_date must be YYYY-MM-DD but was '" + date + "'");
    }
    String good = header + "m,M 1B,llama,2,64,4,100,128,s=x,2024-02-29,256\n";
    assertThat(Catalog.builder().readModels(new StringReader(good), "d.csv").build().model("m").spec().releaseDate())
        .hasValue(java.time.LocalDate.of(2024, 2, 29));
  }

  /** An id wins over a forgiving match of another device's name. */
  @Test
  void findDevice_triesTheExactIdFirst() {
    HardwareEntry spaced = HardwareEntry.of(Hardware.gpu("X 1", Vendor.OTHER, Bytes.ofGibibytes(8), 100)
        .withId("a"), HardwareClass.CONSUMER);
    HardwareEntry x1 = HardwareEntry.of(Hardware.gpu("Other", Vendor.OTHER, Bytes.ofGibibytes(16), 100)
        .withId("x1"), HardwareClass.CONSUMER);
    Catalog both = Catalog.builder().addDevice(spaced).addDevice(x1).build();
    assertThat(both.device("x1").id()).isEqualTo("x1");
    assertThat(both.device("X 1").id()).isEqualTo("a");
  }

  @Test
  void search_listsEveryMatch() {
    assertThat(CATALOG.searchDevices("rtx 4090")).extracting(HardwareEntry::id)
        .contains("nvidia-geforce-rtx-4090", "nvidia-geforce-rtx-4090-d").allMatch(id -> id.contains("4090"));
    assertThat(CATALOG.searchModels("qwen3")).hasSizeGreaterThanOrEqualTo(8)
        .allMatch(m -> m.id().contains("qwen3") || m.name().contains("Qwen3"));
    assertThat(CATALOG.searchModels("")).hasSameSizeAs(CATALOG.models());
    assertThat(CATALOG.searchDevices("no such thing")).isEmpty();
  }

  @Test
  void related_resolvesBaseModelFirst() {
    ModelEntry r1 = CATALOG.model("deepseek-r1-distill-qwen-7b");
    assertThat(CATALOG.related(r1)).extracting(ModelEntry::id).startsWith("qwen2.5-math-7b")
        .doesNotContain("deepseek-r1-distill-qwen-7b");
  }
}
