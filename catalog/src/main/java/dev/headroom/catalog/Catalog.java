package dev.headroom.catalog;

import dev.headroom.DecodeSpeed;
import dev.headroom.Estimator;
import dev.headroom.Fit;
import dev.headroom.Hardware;
import dev.headroom.HardwareKind;
import dev.headroom.ModelSpec;
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
import java.util.function.Function;

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
  private final Map<String, ModelEntry> modelsById;
  private final Map<String, HardwareEntry> devicesById;
  private final NameIndex<ModelEntry> modelNames;
  private final NameIndex<HardwareEntry> deviceNames;

  private Catalog(List<ModelEntry> models, List<HardwareEntry> devices) {
    this.models = List.copyOf(models);
    this.devices = List.copyOf(devices);
    this.modelsById = new HashMap<>();
    for (ModelEntry m : models) {
      modelsById.put(m.id(), m);
    }
    this.devicesById = new HashMap<>();
    for (HardwareEntry d : devices) {
      devicesById.put(d.id(), d);
    }
    this.modelNames = new NameIndex<>(models, Catalog::modelNames);
    this.deviceNames = new NameIndex<>(devices, Catalog::deviceNames);
  }

  private static final class BuiltIn {
    static final Catalog INSTANCE = builder().addBuiltIn().build();
  }

  /** The bundled catalog, loaded on first use. */
  public static Catalog builtIn() {
    return BuiltIn.INSTANCE;
  }

  /** Starts an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every model, in file order. */
  public List<ModelEntry> models() {
    return models;
  }

  /** Every device: discrete GPUs, unified-memory devices (one per memory size), multi-GPU systems. */
  public List<HardwareEntry> devices() {
    return devices;
  }

  /** The devices of one kind. */
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

  /** The model a query names (id, name, alias or Hugging Face repository), if any. */
  public Optional<ModelEntry> findModel(String query) {
    Objects.requireNonNull(query, "query must not be null");
    ModelEntry exact = modelsById.get(query.strip());
    return exact != null ? Optional.of(exact) : modelNames.find(query);
  }

  /**
   * The model a query names.
   *
   * @throws IllegalArgumentException naming the closest models when none matches
   */
  public ModelEntry model(String query) {
    return findModel(query).orElseThrow(() -> new IllegalArgumentException("no catalogued model matches '" + query
        + "'; did you mean: " + ids(suggestModels(query, 5)) + "?"));
  }

  /** Every model whose id, name, alias or repository holds all the query's words; every model for a blank query. */
  public List<ModelEntry> searchModels(String query) {
    Objects.requireNonNull(query, "query must not be null");
    return modelNames.matching(query);
  }

  /** Every device whose id, name or alias holds all the query's words; every device for a blank query. */
  public List<HardwareEntry> searchDevices(String query) {
    Objects.requireNonNull(query, "query must not be null");
    return deviceNames.matching(query);
  }

  /**
   * Up to {@code limit} models whose names are closest to {@code query}.
   *
   * @param limit 0 or more
   */
  public List<ModelEntry> suggestModels(String query, int limit) {
    Objects.requireNonNull(query, "query must not be null");
    return modelNames.suggest(query, requireLimit(limit));
  }

  private static int requireLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be in [0, " + Integer.MAX_VALUE + "] but was " + limit);
    }
    return limit;
  }

  /** The device a query names (id, name or alias, forgivingly), if any. */
  public Optional<HardwareEntry> findDevice(String query) {
    Objects.requireNonNull(query, "query must not be null");
    HardwareEntry exact = devicesById.get(query.strip());
    return exact != null ? Optional.of(exact) : deviceNames.find(query);
  }

  /**
   * The device a query names.
   *
   * @throws IllegalArgumentException naming the closest devices when none matches
   */
  public HardwareEntry device(String query) {
    return findDevice(query).orElseThrow(() -> new IllegalArgumentException("no catalogued device matches '" + query
        + "'; did you mean: " + ids(suggestDevices(query, 5)) + "?"));
  }

  /**
   * Up to {@code limit} devices whose names are closest to {@code query}.
   *
   * @param limit 0 or more
   */
  public List<HardwareEntry> suggestDevices(String query, int limit) {
    Objects.requireNonNull(query, "query must not be null");
    return deviceNames.suggest(query, requireLimit(limit));
  }

  /** The catalogued models an entry names as related (its base model first), skipping ids not in the catalog. */
  public List<ModelEntry> related(ModelEntry entry) {
    Objects.requireNonNull(entry, "entry must not be null");
    List<ModelEntry> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> ids = new ArrayList<>();
    entry.baseModel().ifPresent(ids::add);
    ids.addAll(entry.related());
    for (String id : ids) {
      ModelEntry m = modelsById.get(id);
      if (m != null && seen.add(id)) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * Every device's verdict, headroom and decode speed for one estimate: devices that fit first (fastest first),
   * then the others (closest to fitting first).
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
   */
  public Optional<DeviceFit> smallestDevice(Estimator estimator, double tokensPerSecond) {
    Objects.requireNonNull(estimator, "estimator must not be null");
    if (!(tokensPerSecond > 0) || Double.isInfinite(tokensPerSecond)) {
      throw new IllegalArgumentException("tokensPerSecond must be a finite number above 0 but was "
          + tokensPerSecond);
    }
    return compatibility(estimator).fitting().stream()
        .filter(f -> f.speed().tokensPerSecond() >= tokensPerSecond)
        .min(Comparator.comparingLong((DeviceFit f) -> f.fit().usableMemory().bytes())
            .thenComparing(f -> -f.speed().tokensPerSecond()));
  }

  /**
   * Every model that fits {@code hardware} at {@code context} tokens, at the quantization {@code rule} picks, largest
   * model first.
   *
   * @param context tokens per sequence, 1 to {@link Estimator#MAX_CONTEXT}
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

  private static List<String> modelNames(ModelEntry m) {
    List<String> names = new ArrayList<>();
    names.add(m.id());
    names.add(m.name());
    names.addAll(m.aliases());
    ModelSpec spec = m.spec();
    spec.huggingFaceRepo().ifPresent(repo -> {
      names.add(repo);
      names.add(repo.substring(repo.indexOf('/') + 1));
    });
    return names;
  }

  /** Id, name, aliases, and the name with the memory size ("4090 24GB" finds the RTX 4090). */
  private static List<String> deviceNames(HardwareEntry d) {
    List<String> names = new ArrayList<>();
    names.add(d.id());
    names.add(d.name());
    names.addAll(d.aliases());
    names.add(d.name() + " " + Math.round(d.hardware().memory().to(dev.headroom.ByteUnit.GIB)) + "GB");
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

    /** Adds the bundled models and devices. */
    public Builder addBuiltIn() {
      models.addAll(CatalogFiles.withResource(CatalogFiles.MODELS, in -> CatalogFiles.models(in, CatalogFiles.MODELS)));
      gpus.addAll(CatalogFiles.withResource(CatalogFiles.GPUS, in -> CatalogFiles.gpus(in, CatalogFiles.GPUS)));
      others.addAll(CatalogFiles.withResource(CatalogFiles.UNIFIED,
          in -> CatalogFiles.unified(in, CatalogFiles.UNIFIED)));
      others.addAll(CatalogFiles.withResource(CatalogFiles.SYSTEMS,
          in -> CatalogFiles.systems(in, CatalogFiles.SYSTEMS, CatalogFiles.byId(gpus))));
      return this;
    }

    /** Adds one model. */
    public Builder addModel(ModelEntry model) {
      models.add(Objects.requireNonNull(model, "model must not be null"));
      return this;
    }

    /** Adds one device. */
    public Builder addDevice(HardwareEntry device) {
      others.add(Objects.requireNonNull(device, "device must not be null"));
      return this;
    }

    /**
     * Adds the models of a CSV file in the format of the bundled {@code models.csv}.
     *
     * @param source a name for error messages, such as the file name
     * @throws IllegalArgumentException naming the source, line and value when a row is malformed
     */
    public Builder readModels(Reader csv, String source) {
      models.addAll(CatalogFiles.models(Objects.requireNonNull(csv, "csv must not be null"), named(source)));
      return this;
    }

    /**
     * Adds the GPUs of a CSV file in the format of the bundled {@code gpus.csv}.
     *
     * @throws IllegalArgumentException naming the source, line and value when a row is malformed
     */
    public Builder readGpus(Reader csv, String source) {
      gpus.addAll(CatalogFiles.gpus(Objects.requireNonNull(csv, "csv must not be null"), named(source)));
      return this;
    }

    /**
     * Adds the unified-memory devices of a CSV file in the format of the bundled {@code unified.csv}, one device per
     * memory size.
     *
     * @throws IllegalArgumentException naming the source, line and value when a row is malformed
     */
    public Builder readUnified(Reader csv, String source) {
      others.addAll(CatalogFiles.unified(Objects.requireNonNull(csv, "csv must not be null"), named(source)));
      return this;
    }

    /**
     * Adds the multi-GPU systems of a CSV file in the format of the bundled {@code systems.csv}; each names a GPU
     * already added.
     *
     * @throws IllegalArgumentException naming the source, line and value when a row is malformed or names an
     *     unknown GPU
     */
    public Builder readSystems(Reader csv, String source) {
      others.addAll(CatalogFiles.systems(Objects.requireNonNull(csv, "csv must not be null"), named(source),
          CatalogFiles.byId(gpus)));
      return this;
    }

    private static String named(String source) {
      return Objects.requireNonNull(source, "source must not be null");
    }

    /**
     * Builds the catalog.
     *
     * @throws IllegalArgumentException naming the duplicate when two entries share an id or an alias
     */
    public Catalog build() {
      List<HardwareEntry> devices = new ArrayList<>(gpus);
      devices.addAll(others);
      requireUnique(models, "model", ModelEntry::id, ModelEntry::aliases);
      requireUnique(devices, "device", HardwareEntry::id, HardwareEntry::aliases);
      return new Catalog(models, devices);
    }

    /**
     * Ids are unique, and no alias (or id) of one entry is an alias or id of another, compared as the lookup compares
     * them (case, spaces and punctuation ignored).
     */
    private static <T> void requireUnique(List<T> entries, String what, Function<T, String> idOf,
        Function<T, List<String>> aliasesOf) {
      Set<String> ids = new HashSet<>();
      Map<String, String> owner = new HashMap<>();
      for (T e : entries) {
        String id = idOf.apply(e);
        if (!ids.add(id)) {
          throw new IllegalArgumentException(what + " id '" + id + "' appears twice; ids must be unique");
        }
        List<String> keys = new ArrayList<>(aliasesOf.apply(e));
        keys.add(0, id);
        for (String key : keys) {
          String previous = owner.putIfAbsent(String.join("", NameIndex.tokens(key)), id);
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
