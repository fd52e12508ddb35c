package dev.headroom.catalog;

import static dev.headroom.Quantization.Q4_K_M;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.Bytes;
import dev.headroom.Estimator;
import dev.headroom.Hardware;
import dev.headroom.ModelSpec;
import dev.headroom.Quantization;
import dev.headroom.QuantizationChoice;
import dev.headroom.Vendor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the example in the javadoc of every public catalog type; keep each in step with the javadoc it names. */
final class JavadocExamplesTest {
  private final ModelSpec spec = Catalog.builtIn().model("deepseek-r1-distill-qwen-1.5b").spec();
  private final Hardware rtx4090 = Catalog.builtIn().device("rtx 4090").hardware();

  @Test
  void packageInfo() {
    Catalog catalog = Catalog.builtIn();
    ModelEntry r1 = catalog.model("deepseek-r1-distill-qwen-1.5b");
    HardwareEntry gpu = catalog.device("rtx 4090");
    Compatibility all = catalog.compatibility(Estimator.of(r1.spec()).quant(Quantization.Q4_K_M));
    int gpus = all.fittingGpus().size();
    assertThat(gpu.id()).isEqualTo("nvidia-geforce-rtx-4090");
    assertThat(gpus).isGreaterThanOrEqualTo(150);
  }

  @Test
  void catalog() {
    Catalog catalog = Catalog.builtIn();
    ModelEntry r1 = catalog.model("DeepSeek R1 Distill Qwen 1.5B");
    HardwareEntry mac = catalog.device("m3 max 128gb");
    Compatibility c = catalog.compatibility(Estimator.of(r1.spec()).quant(Quantization.Q4_K_M));
    List<ModelFit> fits = catalog.modelsFor(mac.hardware(), 8192, QuantizationChoice.BEST_BALANCE);
    assertThat(c.fitting()).isNotEmpty();
    assertThat(fits).extracting(f -> f.model().id()).contains("llama-3.3-70b-instruct");
  }

  @Test
  void entries() {
    ModelEntry entry = ModelEntry.of(spec).withAliases(List.of("my-model:7b")).withSources("config=my-config.json");
    String id = entry.id();
    assertThat(id).isEqualTo(spec.id());
    assertThat(entry.aliases()).containsExactly("my-model:7b");
    HardwareEntry device = HardwareEntry.of(Hardware.gpu("My GPU", Vendor.OTHER, Bytes.ofGibibytes(16), 500),
        HardwareClass.CONSUMER).withAliases(List.of("mygpu"));
    assertThat(device.id()).isEqualTo("my-gpu");
    assertThat(HardwareClass.parse("datacenter")).isEqualTo(HardwareClass.DATACENTER);
  }

  @Test
  void results() {
    DeviceFit best = Catalog.builtIn().compatibility(Estimator.of(spec)).fitting().get(0);
    String line = best.device().name() + ": " + best.fit().verdict().label();
    assertThat(line).endsWith("Runs great — plenty of headroom");
    List<ModelFit> fits = Catalog.builtIn().modelsFor(rtx4090, 8192, QuantizationChoice.BEST_BALANCE);
    String first = fits.get(0).model().name() + " at " + fits.get(0).quant();
    assertThat(first).startsWith(fits.get(0).model().name()).doesNotContain("null");
    assertThat(fits.get(0).fit().verdict().fits()).isTrue();
    assertThat(fits).allSatisfy(f -> assertThat(f.model().spec().totalParameters())
        .isLessThanOrEqualTo(fits.get(0).model().spec().totalParameters()));
    Compatibility c = Catalog.builtIn().compatibility(Estimator.of(spec).quant(Q4_K_M));
    int gpus = c.fittingGpus().size();
    int devices = c.fittingDevices().size();
    assertThat(gpus + devices).isEqualTo(c.fitting().size());
  }
}
