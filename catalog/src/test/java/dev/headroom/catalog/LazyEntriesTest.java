package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled catalog builds each entry on first use: the entries must equal those the eager readers build from the
 * same files, and a bad row must fail the same way, naming its file and line, whenever its entry is asked for.
 */
final class LazyEntriesTest {
  private static final String MODEL_HEADER = "id,name,arch,layers,hidden_size,attention_heads,vocab_size,"
      + "context_length,ffn_size,sources\n";
  private static final String GPU_HEADER = "id,name,aliases,vendor,class,memory_gib,bandwidth_gbps,sources\n";
  private static final String UNIFIED_HEADER = "id,name,aliases,vendor,kind,memory_options_gib,bandwidth_gbps,"
      + "gpu_share_rule,sources\n";
  private static final String SYSTEM_HEADER = "id,name,aliases,gpu_id,gpu_count,sources\n";

  @Test
  void builtIn_equalsTheCatalogTheEagerReadersBuild() {
    Catalog eager = Catalog.builder().addBuiltIn().build();
    Catalog lazy = Catalog.builtIn();
    assertThat(lazy.models()).isEqualTo(eager.models());
    assertThat(lazy.devices()).isEqualTo(eager.devices());
    for (int i = 0; i < eager.models().size(); i++) {
      assertThat(lazy.models().get(i)).as("built once").isSameAs(lazy.models().get(i));
    }
  }

  @Test
  void everyBundledRowsNames_areTheNamesOfItsBuiltEntry() {
    LazyEntries<ModelEntry> models = CatalogFiles.lazyModels(CatalogFiles.resource(CatalogFiles.MODELS),
        CatalogFiles.MODELS);
    LazyEntries<HardwareEntry> devices = CatalogFiles.lazyDevices(CatalogFiles.resource(CatalogFiles.GPUS),
        CatalogFiles.resource(CatalogFiles.UNIFIED), CatalogFiles.resource(CatalogFiles.SYSTEMS));
    List<List<String>> modelAliases = models.aliases();
    List<List<String>> modelNames = models.names(modelAliases);
    List<List<String>> deviceAliases = devices.aliases();
    List<List<String>> deviceNames = devices.names(deviceAliases);
    for (int i = 0; i < models.size(); i++) {
      assertThat(modelNames.get(i)).as(models.ids().get(i)).isEqualTo(Catalog.modelNames(models.get(i)));
      assertThat(modelAliases.get(i)).as(models.ids().get(i)).isEqualTo(models.get(i).aliases());
    }
    for (int i = 0; i < devices.size(); i++) {
      assertThat(deviceNames.get(i)).as(devices.ids().get(i)).isEqualTo(Catalog.deviceNames(devices.get(i)));
      assertThat(deviceAliases.get(i)).as(devices.ids().get(i)).isEqualTo(devices.get(i).aliases());
    }
  }

  @Test
  void aLookupByName_buildsOnlyTheEntryFound() {
    Catalog catalog = Catalog.lazy(MODEL_HEADER + "ok,OK,llama,32,4096,32,32000,4096,14336,x\n"
        + "bad,Bad,llama,many,4096,32,32000,4096,14336,x\n", GPU_HEADER + "g,G,gee,nvidia,consumer,24,-5,x\n"
        + "h,H,,nvidia,consumer,24,1000,x\n", UNIFIED_HEADER, SYSTEM_HEADER + "s,S,,h,2,x\n");
    assertThat(catalog.findModel("OK").map(ModelEntry::id)).hasValue("ok");
    assertThat(catalog.findDevice("H 24GB").map(HardwareEntry::id)).hasValue("h");
    assertThat(catalog.searchDevices("S").stream().map(HardwareEntry::id)).containsExactly("s");
    assertThatThrownBy(() -> catalog.findModel("Bad")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("models.csv line 3: layers must be a whole number but was 'many'");
  }

  @Test
  void aBadFieldOfTheNames_failsTheFirstLookupByName_namingItsFileAndLine() {
    Catalog badMemory = Catalog.lazy(MODEL_HEADER, GPU_HEADER + "g,G,,nvidia,consumer,lots,1000,x\n",
        UNIFIED_HEADER, SYSTEM_HEADER + "s,S,,g,2,x\n");
    assertThatThrownBy(() -> badMemory.findDevice("S")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gpus.csv line 2: memory_gib must be a number but was 'lots'");
    Catalog blankName = Catalog.lazy(MODEL_HEADER, GPU_HEADER, UNIFIED_HEADER
        + "u,,,apple,apple-silicon,16,400,,x\n", SYSTEM_HEADER);
    assertThatThrownBy(() -> blankName.findDevice("U")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unified.csv line 2: name must not be blank");
  }

  @Test
  void aBadRow_failsWhenItsEntryIsAskedFor_everyTime() {
    LazyEntries<ModelEntry> models = CatalogFiles.lazyModels(MODEL_HEADER
        + "ok,OK,llama,32,4096,32,32000,4096,14336,x\n" + "bad,Bad,llama,many,4096,32,32000,4096,14336,x\n", "m.csv");
    assertThat(models.ids()).containsExactly("ok", "bad");
    assertThat(models.get(0).id()).isEqualTo("ok");
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> models.get(1)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("m.csv line 3: layers must be a whole number but was 'many'");
    }
    assertThatThrownBy(() -> models.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void idsMemorySizesAndEachSystemsGpu_areReadAtLoad() {
    LazyEntries<HardwareEntry> devices = CatalogFiles.lazyDevices(GPU_HEADER + "g,G,gee,nvidia,consumer,24,1000,x\n",
        UNIFIED_HEADER + "u,U,you,apple,apple-silicon,16;32,400,apple-default,x\n",
        SYSTEM_HEADER + "s,S,ess,g,8,x\n");
    assertThat(devices.ids()).containsExactly("g", "u-16gb", "u-32gb", "s");
    assertThat(devices.get(2).aliases()).containsExactly("you 32GB");
    assertThat(devices.get(3).hardware().count()).isEqualTo(8);
    assertThat(devices.get(3).hardware().memory()).isEqualTo(devices.get(0).hardware().memory());
    assertThatThrownBy(() -> CatalogFiles.lazyDevices(GPU_HEADER, UNIFIED_HEADER, SYSTEM_HEADER + "s,S,,nope,8,x\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("systems.csv line 2: gpu_id 'nope' is not a catalogued GPU");
    assertThatThrownBy(() -> CatalogFiles.lazyDevices(GPU_HEADER, UNIFIED_HEADER
        + "u,U,,apple,apple-silicon,16;lots,400,,x\n", SYSTEM_HEADER)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unified.csv line 2: memory_options_gib must be a whole number but was 'lots'");
  }

  @Test
  void aRepeatedId_failsAtLoad_andAnAliasSharedWithAnotherEntry_atTheFirstLookupByName() {
    String gpus = GPU_HEADER + "g,G,gee,nvidia,consumer,24,1000,x\n";
    String model = "ok,OK,llama,32,4096,32,32000,4096,14336,x\n";
    assertThatThrownBy(() -> Catalog.lazy(MODEL_HEADER + model + model, gpus, UNIFIED_HEADER, SYSTEM_HEADER))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("model id 'ok' appears twice; ids must be unique");
    Catalog shared = Catalog.lazy(MODEL_HEADER + model, gpus + "h,H,GEE,nvidia,consumer,24,1000,x\n",
        UNIFIED_HEADER, SYSTEM_HEADER);
    assertThat(shared.findDevice("h")).as("found by id, without the name index").isPresent();
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> shared.findDevice("gee")).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("device 'g' and device 'h' share the name 'GEE'; ids and aliases must be unique");
    }
    assertThat(shared.findModel("OK").map(ModelEntry::id)).hasValue("ok");
  }

  @Test
  void aBadDeviceRow_namesItsFileAndLine() {
    LazyEntries<HardwareEntry> devices = CatalogFiles.lazyDevices(GPU_HEADER + "g,G,,nvidia,consumer,24,-5,x\n",
        UNIFIED_HEADER + "u,U,,apple,apple-silicon,16,400,most,x\n", SYSTEM_HEADER + "s,S,,g,0,x\n");
    assertThatThrownBy(() -> devices.get(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("gpus.csv line 2: bandwidthGBps must be in (0, ");
    assertThatThrownBy(() -> devices.get(1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unified.csv line 2: gpu_share_rule must be 'apple-default' or a fraction");
    assertThatThrownBy(() -> devices.get(2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("gpus.csv line 2: ");
  }
}
