package dev.headroom.catalog;

import dev.headroom.ByteUnit;
import dev.headroom.Bytes;
import dev.headroom.DecodeSpeed;
import dev.headroom.Estimator;
import dev.headroom.Fit;
import dev.headroom.Hardware;
import dev.headroom.HardwareKind;
import dev.headroom.Quantization;
import dev.headroom.QuantizationChoice;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The catalog of models and devices, and the questions the seed page answers for one model, for any model.
 *
 * <p>{@link #builtIn()} is the bundled data, read once on first use: more than 100 open-weight models, more than 150
 * discrete GPUs, Apple silicon and other unified-memory devices (one entry per memory size sold) and multi-GPU
 * systems, every row with its sources. {@link #builder()} combines it with your own entries or CSV files of the
 * same format. A catalog is immutable and thread-safe.
 *
 * <p>Lookups forgive spelling: {@code "rtx 4090"}, {@code "RTX4090"} and {@code "GeForce RTX 4090"} find the same
 * GPU; {@code "m3 max 128gb"} finds the 40-core M3 Max with 128 GB; models are found by id, name, alias or Hugging
 * Face repository. A miss names the closest entries.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.builtIn();
 * ModelEntry r1 = catalog.model("DeepSeek R1 Distill Qwen 1.5B");
 * HardwareEntry mac = catalog.device("m3 max 128gb");
 * Compatibility c = catalog.compatibility(Estimator.of(r1.spec()).quant(Quantization.Q4_K_M));
 * List<ModelFit> fits = catalog.modelsFor(mac.hardware(), 8192, QuantizationChoice.BEST_BALANCE);
 * }</pre>
 */
public final class Catalog {
  private final List<ModelEntry> models;
  private final List<HardwareEntry> devices;
  /** Each id's position in its list: the bundled entries are built on first use, so the maps cannot hold them. */
  private final Map<String, Integer> modelsById;
  private final Map<String, Integer> devicesById;
  /**
   * Built on the first lookup by name: loading the catalog, and questions that do not look up names, skip it. The
   * bundled catalog's names are read from its rows then, so that indexing them builds no entry, and its aliases
   * are checked unique as {@link Builder#build()} checks a built catalog's: reading every alias at load cost more
   * than all the rest of it, and only lookups by name depend on them.
   */
  private volatile @Nullable NameIndex<ModelEntry> modelIndex;
  private volatile @Nullable NameIndex<HardwareEntry> deviceIndex;

  /** A catalog of these entries and their ids, in the same order. */
  private Catalog(List<ModelEntry> models, List<String> modelIds, List<HardwareEntry> devices,
      List<String> deviceIds) {
    this.models = models;
    this.devices = devices;
    this.modelsById = positions("model", modelIds);
    this.devicesById = positions("device", deviceIds);
  }

  /** Each id's position, or the error that one appears twice. */
  private static Map<String, Integer> positions(String what, List<String> ids) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      if (positions.put(ids.get(i), i) != null) {
        throw Builder.repeatedId(what, ids.get(i));
      }
    }
    return positions;
  }

  /**
   * A catalog of these tables ({@link CatalogFiles#TABLES} in that order), in the bundled files' formats, whose
   * entries are built on first use ({@link LazyEntries}). Ids must be unique now; aliases are checked when the name
   * index is first built.
   */
  static Catalog lazy(List<String> tables) {
    return lazy(tables.get(0), tables.get(1), tables.get(2), tables.get(3));
  }

  /** {@link #lazy(List)} of the four tables. */
  static Catalog lazy(String models, String gpus, String unified, String systems) {
    LazyEntries<ModelEntry> modelEntries = CatalogFiles.lazyModels(models, CatalogFiles.MODELS);
    LazyEntries<HardwareEntry> deviceEntries = CatalogFiles.lazyDevices(gpus, unified, systems);
    return new Catalog(modelEntries, modelEntries.ids(), deviceEntries, deviceEntries.ids());
  }

  private NameIndex<ModelEntry> modelIndex() {
    NameIndex<ModelEntry> index = modelIndex;
    if (index == null) {
      index = index("model", models);
      modelIndex = index;
    }
    return index;
  }

  private NameIndex<HardwareEntry> deviceIndex() {
    NameIndex<HardwareEntry> index = deviceIndex;
    if (index == null) {
      index = index("device", devices);
      deviceIndex = index;
    }
    return index;
  }

  /** The index of {@code entries}: the names of bundled rows, read without building them, or of built entries. */
  private static <T> NameIndex<T> index(String what, List<T> entries) {
    if (entries instanceof LazyEntries<T> rows) {
      List<List<String>> aliases = rows.aliases();
      Builder.requireUnique(what, rows.ids(), aliases);
      return new NameIndex<>(entries, rows.names(aliases));
    }
    List<List<String>> names = new ArrayList<>(entries.size());
    for (T e : entries) {
      names.add(e instanceof ModelEntry m ? modelNames(m) : deviceNames((HardwareEntry) e));
    }
    return new NameIndex<>(entries, names);
  }

  private static final class BuiltIn {
    static final Catalog INSTANCE = lazy(CatalogFiles.bundledTables());
  }

  /**
   * The bundled catalog, loaded on first use. Loading reads the files and their ids; each model and device is built
   * from its row when first asked for, and the names are indexed at the first lookup by name, so a program pays only
   * for the entries it uses. The build checks every bundled row, so none fails at run time.
   *
   * @return the catalog of the bundled CSV files
   */
  public static Catalog builtIn() {
    return BuiltIn.INSTANCE;
  }

  /**
   * Starts an empty builder.
   *
   * @return a builder with no models and no devices
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Every model, in file order.
   *
   * @return the models, unmodifiable
   */
  public List<ModelEntry> models() {
    return models;
  }

  /**
   * Every device: discrete GPUs, unified-memory devices (one per memory size), multi-GPU systems.
   *
   * @return the devices, unmodifiable
   */
  public List<HardwareEntry> devices() {
    return devices;
  }

  /**
   * The devices of one kind.
   *
   * @param kind the kind of device, not null
   * @return the devices of that kind, in catalog order
   */
  public List<HardwareEntry> devices(HardwareKind kind) {
    Objects.requireNonNull(kind, "kind must not be null");
    List<HardwareEntry> out = new ArrayList<>();
    for (HardwareEntry d : devices) {
      if (d.hardware().kind() == kind) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * The model a query names (id, name, alias or Hugging Face repository), if any.
   *
   * @param query an id, name, alias or {@code owner/name} repository, not null
   * @return the model, or empty when the query names none
   */
  public Optional<ModelEntry> findModel(String query) {
    Objects.requireNonNull(query, "query must not be null");
    Integer exact = modelsById.get(query.strip());
    return exact != null ? Optional.of(models.get(exact)) : modelIndex().find(query);
  }

  /**
   * The model a query names.
   *
   * @param query an id, name, alias or {@code owner/name} repository, not null
   * @return the model
   * @throws IllegalArgumentException naming the closest models when none matches
   */
  public ModelEntry model(String query) {
    return findModel(query).orElseThrow(() -> new IllegalArgumentException("no catalogued model matches '" + query
        + "'; did you mean: " + ids(suggestModels(query, 5)) + "?"));
  }

  /**
   * Every model whose id, name, alias or repository holds all the query's words; every model for a blank query.
   *
   * @param query words to look for, ignoring case, not null
   * @return the matching models, in catalog order
   */
  public List<ModelEntry> searchModels(String query) {
    Objects.requireNonNull(query, "query must not be null");
    return modelIndex().matching(query);
  }

  /**
   * Every device whose id, name or alias holds all the query's words; every device for a blank query.
   *
   * @param query words to look for, ignoring case, not null
   * @return the matching devices, in catalog order
   */
  public List<HardwareEntry> searchDevices(String query) {
    Objects.requireNonNull(query, "query must not be null");
    return deviceIndex().matching(query);
  }

  /**
   * Up to {@code limit} models whose names are closest to {@code query}.
   *
   * @param query the text to match, not null
   * @param limit the most models to return, 0 or more
   * @return the closest models, closest first
   */
  public List<ModelEntry> suggestModels(String query, int limit) {
    Objects.requireNonNull(query, "query must not be null");
    return modelIndex().suggest(query, requireLimit(limit));
  }

  private static int requireLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be in [0, " + Integer.MAX_VALUE + "] but was " + limit);
    }
    return limit;
  }

  /**
   * The device a query names (id, name or alias, forgivingly), if any.
   *
   * @param query an id, name or alias, not null
   * @return the device, or empty when the query names none
   */
  public Optional<HardwareEntry> findDevice(String query) {
    Objects.requireNonNull(query, "query must not be null");
    Integer exact = devicesById.get(query.strip());
    return exact != null ? Optional.of(devices.get(exact)) : deviceIndex().find(query);
  }

  /**
   * The device a query names.
   *
   * @param query an id, name or alias, not null
   * @return the device
   * @throws IllegalArgumentException naming the closest devices when none matches
   */
  public HardwareEntry device(String query) {
    return findDevice(query).orElseThrow(() -> new IllegalArgumentException("no catalogued device matches '" + query
        + "'; did you mean: " + ids(suggestDevices(query, 5)) + "?"));
  }

  /**
   * Up to {@code limit} devices whose names are closest to {@code query}.
   *
   * @param query the text to match, not null
   * @param limit the most devices to return, 0 or more
   * @return the closest devices, closest first
   */
  public List<HardwareEntry> suggestDevices(String query, int limit) {
    Objects.requireNonNull(query, "query must not be null");
    return deviceIndex().suggest(query, requireLimit(limit));
  }

  /**
   * The catalogued models an entry names as related (its base model first), skipping ids not in the catalog.
   *
   * @param entry the model whose relatives to list, not null
   * @return the related models, each once
   */
  public List<ModelEntry> related(ModelEntry entry) {
    Objects.requireNonNull(entry, "entry must not be null");
    List<ModelEntry> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> ids = new ArrayList<>();
    entry.baseModel().ifPresent(ids::add);
    ids.addAll(entry.related());
    for (String id : ids) {
      Integer m = modelsById.get(id);
      if (m != null && seen.add(id)) {
        out.add(models.get(m));
      }
    }
    return out;
  }

  /**
   * Every device's verdict, headroom and decode speed for one estimate: devices that fit first (fastest first),
   * then the others (closest to fitting first).
   *
   * @param estimator the model and settings to estimate, not null
   * @return every device's answer, sorted as described
   */
  public Compatibility compatibility(Estimator estimator) {
    Objects.requireNonNull(estimator, "estimator must not be null");
    List<DeviceFit> out = new ArrayList<>(devices.size());
    for (HardwareEntry d : devices) {
      out.add(new DeviceFit(d, estimator.fit(d.hardware()), estimator.decode(d.hardware())));
    }
    out.sort(Comparator.<DeviceFit, Boolean>comparing(f -> !f.fit().verdict().fits())
        .thenComparing(f -> f.fit().verdict().fits() ? -f.speed().tokensPerSecond() : -f.fit().headroomBytes()));
    return new Compatibility(out);
  }

  /**
   * The catalogued device with the least usable memory on which the estimate fits and decodes at least
   * {@code tokensPerSecond} (the estimate, not its low end); the faster wins a tie. Empty when no device does.
   *
   * @param tokensPerSecond the target decode speed, above 0
   * @param estimator the model and settings to estimate, not null
   * @return the smallest such device, or empty when none reaches the speed
   */
  public Optional<DeviceFit> smallestDevice(Estimator estimator, double tokensPerSecond) {
    Objects.requireNonNull(estimator, "estimator must not be null");
    if (!(tokensPerSecond > 0) || Double.isInfinite(tokensPerSecond)) {
      throw new IllegalArgumentException("tokensPerSecond must be a finite number above 0 but was "
          + tokensPerSecond);
    }
    DeviceFit best = null;
    for (HardwareEntry d : devices) {
      Fit fit = estimator.fit(d.hardware());
      if (!fit.verdict().fits()) {
        continue;
      }
      DecodeSpeed speed = estimator.decode(d.hardware());
      if (speed.tokensPerSecond() < tokensPerSecond) {
        continue;
      }
      long usable = fit.usableMemory().bytes();
      long bestUsable = best == null ? Long.MAX_VALUE : best.fit().usableMemory().bytes();
      if (best == null || usable < bestUsable
          || usable == bestUsable && speed.tokensPerSecond() > best.speed().tokensPerSecond()) {
        best = new DeviceFit(d, fit, speed);
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Every model that fits {@code hardware} at {@code context} tokens, at the quantization {@code rule} picks, largest
   * model first.
   *
   * @param context tokens per sequence, 1 to {@link Estimator#MAX_CONTEXT}
   * @param hardware the device, not null
   * @param rule how to choose among the quantizations that fit, not null
   * @return the models that fit, each at its chosen quantization
   */
  public List<ModelFit> modelsFor(Hardware hardware, int context, QuantizationChoice rule) {
    Objects.requireNonNull(hardware, "hardware must not be null");
    Objects.requireNonNull(rule, "rule must not be null");
    List<ModelFit> out = new ArrayList<>();
    for (ModelEntry m : models) {
      Estimator e = Estimator.of(m.spec()).context(context);
      Optional<Quantization> q = e.bestQuantization(hardware, rule);
      if (q.isPresent()) {
        Estimator chosen = e.quant(q.get());
        Fit fit = chosen.fit(hardware);
        DecodeSpeed speed = chosen.decode(hardware);
        out.add(new ModelFit(m, q.get(), fit, speed));
      }
    }
    out.sort(Comparator.comparingLong((ModelFit f) -> -f.model().spec().totalParameters()));
    return out;
  }

  /** The names the catalog finds a model by. */
  static List<String> modelNames(ModelEntry m) {
    return modelNames(m.id(), m.name(), m.aliases(), m.spec().huggingFaceRepo().orElse(null));
  }

  /**
   * Id, name, aliases, and the Hugging Face repository, with and without its owner ("meta-llama/Llama-3.1-8B" and
   * "Llama-3.1-8B"). From the fields, so that the bundled rows give the same names unbuilt
   * ({@link LazyEntries.Pending#names}).
   */
  static List<String> modelNames(String id, String name, List<String> aliases, @Nullable String huggingFaceRepo) {
    List<String> names = new ArrayList<>(aliases.size() + 4);
    names.add(id);
    names.add(name);
    names.addAll(aliases);
    if (huggingFaceRepo != null) {
      names.add(huggingFaceRepo);
      names.add(huggingFaceRepo.substring(huggingFaceRepo.indexOf('/') + 1));
    }
    return names;
  }

  /** The names the catalog finds a device by. */
  static List<String> deviceNames(HardwareEntry d) {
    return deviceNames(d.id(), d.name(), d.aliases(), d.hardware().memory());
  }

  /**
   * Id, name, aliases, and the name with one device's memory size ("4090 24GB" finds the RTX 4090). From the
   * fields, so that the bundled rows give the same names unbuilt ({@link LazyEntries.Pending#names}).
   */
  static List<String> deviceNames(String id, String name, List<String> aliases, Bytes memory) {
    List<String> names = new ArrayList<>(aliases.size() + 3);
    names.add(id);
    names.add(name);
    names.addAll(aliases);
    names.add(name + " " + Math.round(memory.to(ByteUnit.GIB)) + "GB");
    return names;
  }

  private static String ids(List<?> entries) {
    StringBuilder out = new StringBuilder();
    for (Object e : entries) {
      String id = e instanceof ModelEntry ? ((ModelEntry) e).id() : ((HardwareEntry) e).id();
      out.append(out.length() == 0 ? "" : ", ").append(id);
    }
    return out.toString();
  }

  /**
   * Collects entries for a {@link Catalog}. {@link #build()} rejects two entries with the same id, or an alias
   * shared by two entries of the same list.
   */
  public static final class Builder {
    private final List<ModelEntry> models = new ArrayList<>();
    private final List<HardwareEntry> gpus = new ArrayList<>();
    private final List<HardwareEntry> others = new ArrayList<>();

    private Builder() {}

    /**
     * Adds the bundled models and devices.
     *
     * @return this builder
     */
    public Builder addBuiltIn() {
      List<String> tables = CatalogFiles.bundledTables();
      models.addAll(CatalogFiles.models(tables.get(0), CatalogFiles.MODELS));
      gpus.addAll(CatalogFiles.gpus(tables.get(1), CatalogFiles.GPUS));
      others.addAll(CatalogFiles.unified(tables.get(2), CatalogFiles.UNIFIED));
      others.addAll(CatalogFiles.systems(tables.get(3), CatalogFiles.SYSTEMS, CatalogFiles.byId(gpus)));
      return this;
    }

    /**
     * Adds one model.
     *
     * @param model the model, not null
     * @return this builder
     */
    public Builder addModel(ModelEntry model) {
      models.add(Objects.requireNonNull(model, "model must not be null"));
      return this;
    }

    /**
     * Adds one device.
     *
     * @param device the device, not null
     * @return this builder
     */
    public Builder addDevice(HardwareEntry device) {
      others.add(Objects.requireNonNull(device, "device must not be null"));
      return this;
    }

    /**
     * Adds the models of a CSV file in the format of the bundled {@code models.csv}.
     *
     * @param source a name for error messages, such as the file name
     * @param csv the CSV text, with its header row, not null; the caller closes it
     * @return this builder
     * @throws IllegalArgumentException naming the source, line and value when a row is malformed
     */
    public Builder readModels(Reader csv, String source) {
      models.addAll(CatalogFiles.models(text(csv, source), source));
      return this;
    }

    /**
     * Adds the GPUs of a CSV file in the format of the bundled {@code gpus.csv}.
     *
     * @param csv the CSV text, with its header row, not null; the caller closes it
     * @param source a name for error messages, such as the file name
     * @return this builder
     * @throws IllegalArgumentException naming the source, line and value when a row is malformed
     */
    public Builder readGpus(Reader csv, String source) {
      gpus.addAll(CatalogFiles.gpus(text(csv, source), source));
      return this;
    }

    /**
     * Adds the unified-memory devices of a CSV file in the format of the bundled {@code unified.csv}, one device per
     * memory size.
     *
     * @param csv the CSV text, with its header row, not null; the caller closes it
     * @param source a name for error messages, such as the file name
     * @return this builder
     * @throws IllegalArgumentException naming the source, line and value when a row is malformed
     */
    public Builder readUnified(Reader csv, String source) {
      others.addAll(CatalogFiles.unified(text(csv, source), source));
      return this;
    }

    /**
     * Adds the multi-GPU systems of a CSV file in the format of the bundled {@code systems.csv}; each names a GPU
     * already added.
     *
     * @param csv the CSV text, with its header row, not null; the caller closes it
     * @param source a name for error messages, such as the file name
     * @return this builder
     * @throws IllegalArgumentException naming the source, line and value when a row is malformed or names an
     *     unknown GPU
     */
    public Builder readSystems(Reader csv, String source) {
      others.addAll(CatalogFiles.systems(text(csv, source), source,
          CatalogFiles.byId(gpus)));
      return this;
    }

    /** The whole text of {@code csv}; both arguments must not be null. */
    private static String text(Reader csv, String source) {
      Objects.requireNonNull(source, "source must not be null");
      return Csv.text(Objects.requireNonNull(csv, "csv must not be null"), source);
    }

    /**
     * Builds the catalog.
     *
     * @return the catalog of every entry added
     * @throws IllegalArgumentException naming the duplicate when two entries share an id or an alias
     */
    public Catalog build() {
      List<HardwareEntry> devices = new ArrayList<>(gpus);
      devices.addAll(others);
      // The catalog rejects a repeated id; the aliases are checked here, for every entry at once.
      List<String> modelIds = idList(models);
      List<String> deviceIds = idList(devices);
      Catalog catalog = new Catalog(List.copyOf(models), modelIds, List.copyOf(devices), deviceIds);
      requireUnique("model", modelIds, aliasLists(models));
      requireUnique("device", deviceIds, aliasLists(devices));
      return catalog;
    }

    private static List<String> idList(List<?> entries) {
      List<String> ids = new ArrayList<>(entries.size());
      for (Object e : entries) {
        ids.add(e instanceof ModelEntry m ? m.id() : ((HardwareEntry) e).id());
      }
      return ids;
    }

    private static List<List<String>> aliasLists(List<?> entries) {
      List<List<String>> aliases = new ArrayList<>(entries.size());
      for (Object e : entries) {
        aliases.add(e instanceof ModelEntry m ? m.aliases() : ((HardwareEntry) e).aliases());
      }
      return aliases;
    }

    static IllegalArgumentException repeatedId(String what, String id) {
      return new IllegalArgumentException(what + " id '" + id + "' appears twice; ids must be unique");
    }

    /**
     * No alias (or id) of one entry is an alias or id of another, compared as the lookup compares them (case, spaces
     * and punctuation ignored); a repeated id is the catalog's to reject.
     */
    private static void requireUnique(String what, List<String> ids, List<List<String>> aliases) {
      Map<String, String> owner = new HashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        List<String> keys = new ArrayList<>(aliases.get(i));
        keys.add(0, id);
        for (String key : keys) {
          String previous = owner.putIfAbsent(NameIndex.squashed(key), id);
          if (previous != null && !previous.equals(id)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%s '%s' and %s '%s' share the name '%s'; ids and aliases must be unique", what, previous, what, id,
                key));
          }
        }
      }
    }
  }
}
