package dev.headroom.catalog;

import dev.headroom.Bytes;
import dev.headroom.ByteUnit;
import dev.headroom.Hardware;
import dev.headroom.HardwareKind;
import dev.headroom.LatentAttention;
import dev.headroom.MixtureOfExperts;
import dev.headroom.ModelSpec;
import dev.headroom.RecurrentLayers;
import dev.headroom.SlidingWindow;
import dev.headroom.Tag;
import dev.headroom.Vendor;
import java.io.File;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * Reads the catalog's CSV files into entries. Each reader validates every row and reports a bad one with its file
 * and line.
 */
final class CatalogFiles {
  static final String MODELS = "models.csv";
  static final String GPUS = "gpus.csv";
  static final String UNIFIED = "unified.csv";
  static final String SYSTEMS = "systems.csv";
  /** The bundled tables, in the order {@link #bundledTables()} gives them. */
  static final List<String> TABLES = List.of(MODELS, GPUS, UNIFIED, SYSTEMS);
  /** Where the tables are in the jar: beside this class, as {@link Class#getResource} finds them. */
  private static final String PACKAGE_PATH = CatalogFiles.class.getPackageName().replace('.', '/') + '/';

  /**
   * macOS lets Metal's working set take about 2/3 of memory below 64 GiB and 3/4 from 64 GiB
   * ({@code recommendedMaxWorkingSetSize}; measured values in unified-SOURCES.md: 8 GB → 5,461 MB, 32 GB → 21,845
   * MB, 128 GB → 98,304 MB). A conservative lower bound: newer macOS versions allow more.
   */
  static final String APPLE_DEFAULT = "apple-default";

  /** The columns each table must have; the others are optional. */
  private static final List<String> MODEL_COLUMNS = List.of("id", "name", "arch", "layers", "hidden_size",
      "attention_heads", "vocab_size", "context_length", "sources");
  private static final List<String> GPU_COLUMNS = List.of("id", "name", "vendor", "class", "memory_gib",
      "bandwidth_gbps", "sources");
  private static final List<String> UNIFIED_COLUMNS = List.of("id", "name", "vendor", "kind", "memory_options_gib",
      "bandwidth_gbps", "gpu_share_rule", "sources");
  private static final List<String> SYSTEM_COLUMNS = List.of("id", "name", "gpu_id", "gpu_count", "sources");

  private CatalogFiles() {}

  /**
   * The bundled tables, {@link #TABLES} in that order, each read whole. They are read straight from the jar file this
   * class was loaded from when there is one: through the class loader, finding a resource searches the JDK's modules
   * first, then makes a URL and a jar connection per file, about half of the catalog's first load. Anywhere else (a
   * directory of classes, a jar inside a jar, a jar the file cannot be read from) they are read through the class
   * loader ({@link #resource}).
   *
   * <p>The bundled tables are ASCII ({@code BundledTablesTest} checks), so they are decoded as ISO-8859-1, which gives
   * the same text as UTF-8 for ASCII bytes by copying them: UTF-8 decoding first scans every byte for non-ASCII ones,
   * interpreted on a first load, 2–3 ms for {@code models.csv} alone.
   */
  static List<String> bundledTables() {
    File jar = ownJar();
    if (jar != null) {
      try {
        return tablesIn(jar);
      } catch (IOException e) {
        // Read through the class loader instead, which reports a table it cannot read.
      }
    }
    URL base = tablesBase();
    List<String> tables = new ArrayList<>(TABLES.size());
    for (String name : TABLES) {
      tables.add(resource(base, name));
    }
    return tables;
  }

  /** The jar file this class was loaded from, or null when it was not loaded from a jar file. */
  private static @Nullable File ownJar() {
    try {
      CodeSource code = CatalogFiles.class.getProtectionDomain().getCodeSource();
      URL location = code == null ? null : code.getLocation();
      if (location == null || !"file".equals(location.getProtocol()) || !location.getPath().endsWith(".jar")) {
        return null;
      }
      return new File(location.toURI());
    } catch (SecurityException | URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The bundled tables in {@code jar}, {@link #TABLES} in that order. */
  static List<String> tablesIn(File jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar)) {
      List<String> tables = new ArrayList<>(TABLES.size());
      for (String name : TABLES) {
        ZipEntry entry = zip.getEntry(PACKAGE_PATH + name);
        if (entry == null) {
          throw new IOException(jar + " has no " + PACKAGE_PATH + name);
        }
        try (InputStream in = zip.getInputStream(entry)) {
          tables.add(latin1(in, entry.getSize()));
        }
      }
      return tables;
    }
  }

  /** A bundled table read through the class loader. */
  static String resource(String name) {
    return resource(tablesBase(), name);
  }

  /**
   * Where the tables are, found through the class loader once: the tables are then opened beside it, as looking
   * each one up by name would search the JDK's modules for it again.
   */
  private static URL tablesBase() {
    URL models = CatalogFiles.class.getResource(MODELS);
    if (models == null) {
      throw new IllegalStateException("the catalog resource " + MODELS + " is missing from the jar");
    }
    return models;
  }

  private static String resource(URL base, String name) {
    try {
      URLConnection file = new URL(base, name).openConnection();
      try (InputStream in = file.getInputStream()) {
        return latin1(in, file.getContentLength());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the catalog resource " + name, e);
    }
  }

  /**
   * The rest of {@code in} as ISO-8859-1 text, read into an array of {@code size} bytes when that is known (not
   * negative), rather than in 8 KiB pieces then copied whole.
   */
  private static String latin1(InputStream in, long size) throws IOException {
    if (size < 0 || size > Integer.MAX_VALUE - 8) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    byte[] bytes = new byte[(int) size];
    return new String(bytes, 0, in.readNBytes(bytes, 0, bytes.length), StandardCharsets.ISO_8859_1);
  }

  /** The models of a table, all built now: the bundled path's entries, each built and checked. */
  static List<ModelEntry> models(String text, String source) {
    return List.copyOf(lazyModels(text, source));
  }

  /** The models of a bundled table, each built on first use. */
  static LazyEntries<ModelEntry> lazyModels(String text, String source) {
    Csv csv = Csv.index(text, source, MODEL_COLUMNS);
    List<PendingModel> pending = new ArrayList<>(csv.size());
    for (int r = 0; r < csv.size(); r++) {
      pending.add(new PendingModel(csv, r));
    }
    return new LazyEntries<>(pending);
  }

  private static ModelEntry model(Csv csv, int r) {
    csv.cutRow(r);
    try {
      return model(new Row(csv, r));
    } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
      throw csv.at(r, e);
    }
  }

  private static ModelEntry model(Row row) {
    String id = row.required("id");
    ModelSpec.Builder b = ModelSpec.builder(id).name(row.required("name")).arch(row.required("arch"))
        .layers(row.integer("layers")).hiddenSize(row.integer("hidden_size"))
        .vocabSize(row.integer("vocab_size")).contextLength(row.integer("context_length"))
        .tiedEmbeddings(Boolean.parseBoolean(row.or("tied_embeddings", "false")))
        .nextnLayers(row.has("nextn_layers") ? row.integer("nextn_layers") : 0)
        .qkNorm(Boolean.parseBoolean(row.or("qk_norm", "false")));
    int heads = row.integer("attention_heads");
    int kvHeads = row.has("kv_heads") ? row.integer("kv_heads") : heads;
    b.heads(heads, kvHeads);
    if (row.has("publisher")) {
      b.publisher(row.required("publisher"));
    }
    if (row.has("family")) {
      b.family(row.required("family"));
    }
    if (row.has("license")) {
      b.license(row.required("license"));
    }
    if (row.has("hf_repo")) {
      b.huggingFaceRepo(row.required("hf_repo"));
    }
    if (row.has("hf_architecture")) {
      b.huggingFaceArchitecture(row.required("hf_architecture"));
    }
    if (row.has("release_date")) {
      try {
        b.releaseDate(isoDate(row.required("release_date")));
      } catch (DateTimeException | NumberFormatException e) {
        throw new IllegalArgumentException("release_date must be YYYY-MM-DD but was '" + row.required("release_date")
            + "'", e);
      }
    }
    if (row.has("tags")) {
      EnumSet<Tag> tags = EnumSet.noneOf(Tag.class);
      for (String t : row.required("tags").split(";")) {
        tags.add(Tag.parse(t));
      }
      b.tags(tags);
    }
    if (row.has("ffn_size")) {
      b.ffnSize(row.integer("ffn_size"));
    }
    boolean moe = row.has("experts");
    if (moe) {
      int shared = row.has("shared_experts") ? row.integer("shared_experts") : 0;
      int expertFfn = row.integer("expert_ffn_size");
      int sharedFfn = shared == 0 ? 0 : row.has("shared_expert_ffn_size") ? row.integer("shared_expert_ffn_size")
          : expertFfn * shared;
      b.moe(new MixtureOfExperts(row.integer("experts"), row.integer("experts_per_token"), shared, expertFfn,
          sharedFfn, row.has("leading_dense_layers") ? row.integer("leading_dense_layers") : 0,
          row.has("moe_layer_step") ? row.integer("moe_layer_step") : 1,
          Boolean.parseBoolean(row.or("expert_score_bias", "false"))));
    }
    if (row.has("kv_lora_rank")) {
      b.mla(new LatentAttention(row.integer("kv_lora_rank"), row.has("q_lora_rank") ? row.integer("q_lora_rank") : 0,
          row.integer("rope_head_dim"), row.integer("nope_head_dim"), row.integer("v_head_dim")));
    } else if (row.has("head_dim")) {
      b.headDim(row.integer("head_dim"));
    }
    if (row.has("sliding_window")) {
      if (!row.has("swa_pattern")) {
        throw new IllegalArgumentException("sliding_window is set but swa_pattern is blank");
      }
      int pattern = row.integer("swa_pattern");
      // Only where llama.cpp's implementation keeps a window (not Mistral 7B v0.1's llama architecture).
      if (pattern != 1 && SlidingWindow.llamaCppPattern(row.required("arch")).isPresent()) {
        b.slidingWindow(new SlidingWindow(row.integer("sliding_window"), pattern));
      }
    }
    if (row.has("full_attention_interval")) {
      b.recurrent(new RecurrentLayers(row.integer("full_attention_interval"),
          row.has("recurrent_state_bytes") ? row.longInteger("recurrent_state_bytes") : 0));
    }
    if (row.has("total_params")) {
      b.totalParameters(row.longInteger("total_params"));
    }
    if (row.has("active_params")) {
      b.activeParameters(row.longInteger("active_params"));
    }
    if (!moe) {
      long nominal = nominalParameters(row.required("name"));
      if (nominal > 0) {
        b.nominalParameters(nominal);
      }
    }
    ModelEntry entry = ModelEntry.of(b.build()).withAliases(row.list("aliases")).withRelated(row.list("related"))
        .withSources(row.required("sources")).withNotes(row.or("notes", ""));
    return row.has("base_model") ? entry.withBaseModel(row.required("base_model")) : entry;
  }

  /**
   * The size a model's name states, such as 1.5 billion for "DeepSeek R1 Distill Qwen 1.5B" or 135 million for
   * "SmolLM2 135M": the first number followed by {@code B} or {@code M} that stands as a word of its own (not the
   * 7B of "8x7B", not inside "A3B"); 0 when the name states none. A scan rather than a regular expression, which
   * costs the catalog's first load more than the rest of the row.
   */
  static long nominalParameters(String name) {
    int n = name.length();
    for (int i = 0; i < n; i++) {
      if (!isDigit(name, i) || i > 0 && (isWordChar(name.charAt(i - 1)) || name.charAt(i - 1) == '.')) {
        continue;
      }
      int end = i;
      while (isDigit(name, end)) {
        end++;
      }
      if (end + 1 < n && name.charAt(end) == '.' && isDigit(name, end + 1)) {
        end++;
        while (isDigit(name, end)) {
          end++;
        }
      }
      if (end < n && (name.charAt(end) == 'B' || name.charAt(end) == 'M')
          && (end + 1 == n || !isWordChar(name.charAt(end + 1)))) {
        double amount = Double.parseDouble(name.substring(i, end));
        return Math.round(amount * (name.charAt(end) == 'B' ? 1e9 : 1e6));
      }
    }
    return 0;
  }

  private static boolean isDigit(String s, int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }

  /** A regular expression's {@code \w}: an ASCII letter or digit, or the underscore. */
  private static boolean isWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  /**
   * A {@code YYYY-MM-DD} date, read without {@link java.time.format.DateTimeFormatter}, whose set-up would cost the
   * catalog's first load more than all its rows.
   *
   * @throws DateTimeException or {@link NumberFormatException} when the text is not such a date
   */
  static LocalDate isoDate(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      throw new DateTimeException("not YYYY-MM-DD: " + text);
    }
    return LocalDate.of(Integer.parseUnsignedInt(text.substring(0, 4)),
        Integer.parseUnsignedInt(text.substring(5, 7)), Integer.parseUnsignedInt(text.substring(8)));
  }

  /** The row's optional FP16 and FP32 throughputs on {@code h}. */
  private static Hardware throughputs(Hardware h, Row row) {
    Hardware out = h;
    if (row.has("fp16_tflops")) {
      out = out.withFp16Tflops(row.decimal("fp16_tflops"));
    }
    if (row.has("fp32_tflops")) {
      out = out.withFp32Tflops(row.decimal("fp32_tflops"));
    }
    return out;
  }

  static List<HardwareEntry> gpus(String text, String source) {
    return List.copyOf(new LazyEntries<>(pendingGpus(text, source)));
  }

  private static List<PendingGpu> pendingGpus(String text, String source) {
    Csv csv = Csv.index(text, source, GPU_COLUMNS);
    List<PendingGpu> pending = new ArrayList<>(csv.size());
    for (int r = 0; r < csv.size(); r++) {
      pending.add(new PendingGpu(csv, r));
    }
    return pending;
  }

  private static HardwareEntry gpu(Csv csv, int r) {
    csv.cutRow(r);
    Row row = new Row(csv, r);
    try {
      Hardware h = Hardware.gpu(row.required("name"), Vendor.parse(row.required("vendor")), gpuMemory(row),
          row.decimal("bandwidth_gbps")).withId(row.required("id"));
      h = throughputs(h, row);
      return described(HardwareEntry.of(h, HardwareClass.parse(row.required("class"))), row, row.list("aliases"));
    } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
      // An overflow (1e20 GiB of memory) is a value out of range too: the same exception, naming the line.
      throw csv.at(r, e);
    }
  }

  /** The GPU's memory, for its entry and, read apart, for its names and its systems' names. */
  private static Bytes gpuMemory(Row row) {
    return Bytes.of(row.decimal("memory_gib"), ByteUnit.GIB);
  }

  /** One entry per memory size sold: {@code <id>-<n>gb}, {@code "<name> <n>GB"}. */
  static List<HardwareEntry> unified(String text, String source) {
    return List.copyOf(new LazyEntries<>(pendingUnified(text, source)));
  }

  /** One pending device per memory size of each row; the sizes are read and checked now. */
  private static List<PendingUnified> pendingUnified(String text, String source) {
    Csv csv = Csv.index(text, source, UNIFIED_COLUMNS);
    List<PendingUnified> pending = new ArrayList<>();
    for (int r = 0; r < csv.size(); r++) {
      Row row = new Row(csv, r);
      try {
        for (String option : row.list("memory_options_gib")) {
          pending.add(new PendingUnified(row, Row.integer("memory_options_gib", option)));
        }
      } catch (IllegalArgumentException e) {
        throw csv.at(r, e);
      }
    }
    return pending;
  }

  /** The row's device with {@code gib} of memory. */
  private static HardwareEntry unified(Row row, int gib) {
    String rule = row.optional("gpu_share_rule");
    Hardware h = Hardware.unified(unifiedName(row, gib), Vendor.parse(row.required("vendor")),
        Bytes.ofGibibytes(gib), row.decimal("bandwidth_gbps"), share(rule, gib)).withId(unifiedId(row, gib));
    h = throughputs(h, row);
    HardwareEntry e = described(HardwareEntry.of(h, unifiedClass(row)), row, unifiedAliases(row, gib));
    return rule == null ? e : e.withGpuShareRule(rule);
  }

  private static String unifiedName(Row row, int gib) {
    return row.required("name") + " " + gib + "GB";
  }

  private static String unifiedId(Row row, int gib) {
    return row.required("id") + "-" + gib + "gb";
  }

  private static List<String> unifiedAliases(Row row, int gib) {
    List<String> aliases = new ArrayList<>();
    for (String alias : row.list("aliases")) {
      aliases.add(alias + " " + gib + "GB");
    }
    return aliases;
  }

  static List<HardwareEntry> systems(String text, String source, Map<String, HardwareEntry> gpusById) {
    Csv csv = Csv.read(text, source, SYSTEM_COLUMNS);
    List<HardwareEntry> out = new ArrayList<>(csv.size());
    for (int r = 0; r < csv.size(); r++) {
      Row row = new Row(csv, r);
      try {
        HardwareEntry gpu = gpusById.get(row.required("gpu_id"));
        if (gpu == null) {
          throw unknownGpu(row);
        }
        out.add(system(row, gpu));
      } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
        throw csv.at(r, e);
      }
    }
    return out;
  }

  private static IllegalArgumentException unknownGpu(Row row) {
    return new IllegalArgumentException("gpu_id '" + row.required("gpu_id") + "' is not a catalogued GPU");
  }

  /** The row's system of {@code gpu}s. */
  private static HardwareEntry system(Row row, HardwareEntry gpu) {
    Hardware h = gpu.hardware().times(row.integer("gpu_count")).withName(row.required("name"))
        .withId(row.required("id"));
    HardwareEntry e = HardwareEntry.of(h, HardwareClass.DATACENTER).withAliases(row.list("aliases"))
        .withSources(row.required("sources")).withNotes(row.or("notes", ""));
    return gpu.architecture().isPresent() ? e.withArchitecture(gpu.architecture().get()) : e;
  }

  /**
   * The devices of the bundled tables, each built on first use: GPUs, unified-memory devices (one per memory size),
   * multi-GPU systems. Ids, memory sizes and each system's GPU are read and checked now.
   */
  static LazyEntries<HardwareEntry> lazyDevices(String gpuText, String unifiedText, String systemText) {
    List<PendingGpu> gpuRows = pendingGpus(gpuText, GPUS);
    Map<String, Integer> gpuIndex = new HashMap<>();
    for (int r = 0; r < gpuRows.size(); r++) {
      gpuIndex.put(gpuRows.get(r).id, r);
    }
    // The GPUs first, so that each one's index in gpuRows is its index in the devices.
    List<LazyEntries.Pending<HardwareEntry>> pending = new ArrayList<>(gpuRows);
    pending.addAll(pendingUnified(unifiedText, UNIFIED));
    Csv systems = Csv.index(systemText, SYSTEMS, SYSTEM_COLUMNS);
    for (int r = 0; r < systems.size(); r++) {
      Row row = new Row(systems, r);
      try {
        Integer gpu = gpuIndex.get(row.required("gpu_id"));
        if (gpu == null) {
          throw unknownGpu(row);
        }
        pending.add(new PendingSystem(row, gpu, gpuRows.get(gpu)));
      } catch (IllegalArgumentException e) {
        throw systems.at(r, e);
      }
    }
    return new LazyEntries<>(pending);
  }

  static double share(@Nullable String rule, int gib) {
    if (rule == null) {
      return 1.0;
    }
    if (rule.equals(APPLE_DEFAULT)) {
      return gib < 64 ? 2.0 / 3 : 0.75;
    }
    try {
      return Double.parseDouble(rule);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("gpu_share_rule must be '" + APPLE_DEFAULT + "' or a fraction but was '"
          + rule + "'", e);
    }
  }

  private static HardwareClass unifiedClass(Row row) {
    String kind = row.required("kind").toLowerCase(Locale.ROOT);
    if (kind.equals("apple-silicon")) {
      return HardwareClass.CONSUMER;
    }
    if (row.required("id").contains("jetson")) {
      return HardwareClass.EMBEDDED;
    }
    return kind.equals("soc") ? HardwareClass.WORKSTATION : HardwareClass.DATACENTER;
  }

  private static HardwareEntry described(HardwareEntry e, Row row, List<String> aliases) {
    HardwareEntry out = e.withAliases(aliases).withSources(row.required("sources")).withNotes(row.or("notes", ""));
    if (row.has("architecture")) {
      out = out.withArchitecture(row.required("architecture"));
    }
    if (row.has("release_year")) {
      out = out.withReleaseYear(row.integer("release_year"));
    }
    return out;
  }

  static Map<String, HardwareEntry> byId(List<HardwareEntry> entries) {
    Map<String, HardwareEntry> map = new HashMap<>();
    for (HardwareEntry e : entries) {
      map.put(e.id(), e);
    }
    return map;
  }

  /** A bundled row of a table with one entry per row. */
  private abstract static class PendingRow<T> extends LazyEntries.Pending<T> {
    final Csv csv;
    final int row;

    PendingRow(Csv csv, int row) {
      super(required(new Row(csv, row), "id"));
      this.csv = csv;
      this.row = row;
    }

    /** The row's fields, read as far as asked. */
    Row fields() {
      return new Row(csv, row);
    }

    @Override
    List<String> aliases() {
      return fields().list("aliases");
    }
  }

  /** A bundled model row. */
  private static final class PendingModel extends PendingRow<ModelEntry> {
    PendingModel(Csv csv, int row) {
      super(csv, row);
    }

    @Override
    ModelEntry build(LazyEntries<ModelEntry> entries) {
      return model(csv, row);
    }

    @Override
    List<String> names(List<String> aliases) {
      Row fields = fields();
      return Catalog.modelNames(id, required(fields, "name"), aliases, fields.optional("hf_repo"));
    }
  }

  /** A bundled GPU row. */
  private static final class PendingGpu extends PendingRow<HardwareEntry> {
    PendingGpu(Csv csv, int row) {
      super(csv, row);
    }

    @Override
    HardwareEntry build(LazyEntries<HardwareEntry> entries) {
      return gpu(csv, row);
    }

    @Override
    List<String> names(List<String> aliases) {
      return Catalog.deviceNames(id, required(fields(), "name"), aliases, memory());
    }

    /** The GPU's memory, as its built entry's (and its systems'). */
    Bytes memory() {
      Row fields = fields();
      try {
        return gpuMemory(fields);
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw fields.at(e);
      }
    }
  }

  /** One memory size of a bundled unified-memory row. */
  private static final class PendingUnified extends LazyEntries.Pending<HardwareEntry> {
    private final Row row;
    private final int gib;

    PendingUnified(Row row, int gib) {
      super(unifiedId(row, gib));
      this.row = row;
      this.gib = gib;
    }

    @Override
    HardwareEntry build(LazyEntries<HardwareEntry> entries) {
      row.cutAll();
      try {
        return unified(row, gib);
      } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
        throw row.at(e);
      }
    }

    @Override
    List<String> aliases() {
      return unifiedAliases(row, gib);
    }

    @Override
    List<String> names(List<String> aliases) {
      try {
        return Catalog.deviceNames(id, unifiedName(row, gib), aliases, Bytes.ofGibibytes(gib));
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw row.at(e);
      }
    }
  }

  /** A bundled multi-GPU system row, built on its GPU's entry. */
  private static final class PendingSystem extends LazyEntries.Pending<HardwareEntry> {
    private final Row row;
    private final int gpuIndex;
    private final PendingGpu gpuRow;

    PendingSystem(Row row, int gpuIndex, PendingGpu gpuRow) {
      super(row.required("id"));
      this.row = row;
      this.gpuIndex = gpuIndex;
      this.gpuRow = gpuRow;
    }

    @Override
    HardwareEntry build(LazyEntries<HardwareEntry> entries) {
      HardwareEntry gpu = entries.get(gpuIndex);
      row.cutAll();
      try {
        return system(row, gpu);
      } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
        throw row.at(e);
      }
    }

    @Override
    List<String> aliases() {
      return row.list("aliases");
    }

    /** Its memory is one GPU's ({@link Hardware#times}). */
    @Override
    List<String> names(List<String> aliases) {
      return Catalog.deviceNames(id, required(row, "name"), aliases, gpuRow.memory());
    }
  }

  /** A required field read apart from the row's build, its error naming the line like the row's others. */
  private static String required(Row row, String column) {
    try {
      return row.required(column);
    } catch (IllegalArgumentException e) {
      throw row.at(e);
    }
  }

  /** One CSV row with typed, named accessors whose errors name the column and value. */
  private static final class Row {
    private final Csv csv;
    private final int row;

    Row(Csv csv, int row) {
      this.csv = csv;
      this.row = row;
    }

    /** {@code e} as an error of this row, its message led by the row's file and line. */
    IllegalArgumentException at(RuntimeException e) {
      return csv.at(row, e);
    }

    /** See {@link Csv#cutRow(int)}. */
    void cutAll() {
      csv.cutRow(row);
    }

    boolean has(String column) {
      return csv.optional(row, column) != null;
    }

    @Nullable String optional(String column) {
      return csv.optional(row, column);
    }

    String required(String column) {
      String v = csv.optional(row, column);
      if (v == null) {
        throw new IllegalArgumentException(column + " must not be blank");
      }
      return v;
    }

    String or(String column, String fallback) {
      String v = csv.optional(row, column);
      return v == null ? fallback : v;
    }

    /** The field's non-blank parts between semicolons, stripped; cut with indexOf, not String.split. */
    List<String> list(String column) {
      String v = csv.optional(row, column);
      List<String> out = new ArrayList<>();
      int from = 0;
      while (v != null && from <= v.length()) {
        int end = v.indexOf(';', from);
        end = end < 0 ? v.length() : end;
        String part = v.substring(from, end);
        if (!part.isBlank()) {
          out.add(part.strip());
        }
        from = end + 1;
      }
      return out;
    }

    int integer(String column) {
      return integer(column, required(column));
    }

    /** {@code text} as an int, or an error naming the column and the text. */
    static int integer(String column, String text) {
      try {
        return Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw notA(column, "a whole number", text, e);
      }
    }

    long longInteger(String column) {
      String text = required(column);
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw notA(column, "a whole number", text, e);
      }
    }

    double decimal(String column) {
      String text = required(column);
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw notA(column, "a number", text, e);
      }
    }

    private static IllegalArgumentException notA(String column, String what, String text, Exception cause) {
      return new IllegalArgumentException(column + " must be " + what + " but was '" + text + "'", cause);
    }
  }
}
