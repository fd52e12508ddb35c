package dev.headroom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * A device a model runs on: a discrete GPU, a unified-memory device, a CPU with system RAM, or N identical GPUs.
 *
 * <p>{@link #memory()} is one device's memory as sold (GPUs are sold in binary GiB). {@link #usableMemory()} is
 * what a model may occupy: {@code memory × gpuMemoryShare × count}. The share is 1 for discrete GPUs and CPUs; for
 * unified memory it is the part the GPU may use by default (macOS limits Metal's working set), which callers can
 * override with {@link #withGpuMemoryShare(double)}. {@link #bandwidthGBps()} is memory bandwidth in decimal GB/s,
 * the figure decode speed depends on.
 *
 * <p>Instances are immutable and thread-safe; every {@code with…} method returns a copy and leaves this instance
 * unaffected.
 *
 * <pre>{@code
 * Hardware rtx4090 = Hardware.gpu("NVIDIA GeForce RTX 4090", Vendor.NVIDIA, Bytes.ofGibibytes(24), 1008)
 *     .withFp16Tflops(165.2);
 * Hardware node = Hardware.gpu("NVIDIA H100 SXM5 80GB", Vendor.NVIDIA, Bytes.ofGibibytes(80), 3350).times(8);
 * Hardware mac = Hardware.unified("Apple M3 Max 128GB", Vendor.APPLE, Bytes.ofGibibytes(128), 400, 0.75);
 * Bytes usable = mac.usableMemory();   // 96 GiB
 * }</pre>
 */
public final class Hardware {
  /** The largest memory bandwidth accepted, in GB/s (well above any single device). */
  public static final double MAX_BANDWIDTH_GBPS = 1_000_000;
  /** The most identical devices {@link #times(int)} groups, a large multi-node cluster. */
  public static final int MAX_COUNT = 1024;

  /** The identifier given, or null to derive it from the name: a catalog sets every id, so its load skips the slug. */
  private final @Nullable String givenId;
  /** The identifier derived from the name, cached on first use (a benign race: every thread derives the same). */
  private @Nullable String derivedId;
  private final String name;
  private final HardwareKind kind;
  private final Vendor vendor;
  private final Bytes memory;
  private final double bandwidthGBps;
  private final double fp16Tflops;
  private final double fp32Tflops;
  private final double gpuMemoryShare;
  private final int count;
  /** {@link #usableMemory()}, computed on first use (exactly, so not cheaply): every fit verdict asks for it. */
  private @Nullable Bytes usableMemory;

  private Hardware(@Nullable String id, String name, HardwareKind kind, Vendor vendor, Bytes memory,
      double bandwidthGBps, double fp16Tflops, double fp32Tflops, double gpuMemoryShare, int count) {
    this.givenId = id;
    this.name = name;
    this.kind = kind;
    this.vendor = vendor;
    this.memory = memory;
    this.bandwidthGBps = bandwidthGBps;
    this.fp16Tflops = fp16Tflops;
    this.fp32Tflops = fp32Tflops;
    this.gpuMemoryShare = gpuMemoryShare;
    this.count = count;
  }

  /**
   * A discrete GPU.
   *
   * @param name the marketing name, not blank
   * @param vendor the maker, not null
   * @param memory memory as sold, more than zero
   * @param bandwidthGBps memory bandwidth in GB/s, in (0, 1,000,000]
   * @return the GPU
   * @throws IllegalArgumentException naming the bad value
   */
  public static Hardware gpu(String name, Vendor vendor, Bytes memory, double bandwidthGBps) {
    return create(name, HardwareKind.GPU, vendor, memory, bandwidthGBps, 1.0);
  }

  /**
   * A unified-memory device whose GPU may use {@code gpuMemoryShare} of the memory by default.
   *
   * @param gpuMemoryShare in (0, 1]
   * @param name the marketing name, not blank
   * @param vendor the maker, not null
   * @param memory memory as sold, more than zero
   * @param bandwidthGBps memory bandwidth in GB/s, in (0, 1,000,000]
   * @return the device
   */
  public static Hardware unified(String name, Vendor vendor, Bytes memory, double bandwidthGBps,
      double gpuMemoryShare) {
    return create(name, HardwareKind.UNIFIED, vendor, memory, bandwidthGBps, gpuMemoryShare);
  }

  /**
   * A CPU with system RAM.
   *
   * @param name the marketing name, not blank
   * @param vendor the maker, not null
   * @param memory system memory as installed, more than zero
   * @param bandwidthGBps memory bandwidth in GB/s, in (0, 1,000,000]
   * @return the CPU
   */
  public static Hardware cpu(String name, Vendor vendor, Bytes memory, double bandwidthGBps) {
    return create(name, HardwareKind.CPU, vendor, memory, bandwidthGBps, 1.0);
  }

  /**
   * Any kind of device.
   *
   * @param name the marketing name, not blank
   * @param kind the kind of device, not null
   * @param vendor the maker, not null
   * @param memory memory as sold, more than zero
   * @param bandwidthGBps memory bandwidth in GB/s, in (0, 1,000,000]
   * @return the device, whose GPU may use all of its memory
   * @throws IllegalArgumentException naming the bad value
   */
  public static Hardware of(String name, HardwareKind kind, Vendor vendor, Bytes memory, double bandwidthGBps) {
    return create(name, kind, vendor, memory, bandwidthGBps, 1.0);
  }

  /** The keys {@link #parse(String)} accepts. */
  private static final List<String> SPEC_KEYS = List.of("kind", "vendor", "memory_gib", "bandwidth_gbps",
      "fp16_tflops", "fp32_tflops", "name", "count", "gpu_share");

  /**
   * A device described by {@code key=value} pairs separated by commas, in any order, for hardware the catalog does
   * not list: {@code "kind=gpu,vendor=nvidia,memory_gib=24,bandwidth_gbps=1008,fp16_tflops=165"}. Required:
   * {@code kind} (gpu, unified or cpu), {@code vendor} (nvidia, amd, intel, apple or other), {@code memory_gib}
   * and {@code bandwidth_gbps}; optional: {@code fp16_tflops}, {@code fp32_tflops}, {@code name}, {@code count}
   * (identical GPUs) and {@code gpu_share} (the share of unified memory the GPU may use, default 1).
   *
   * <pre>{@code
   * Hardware card = Hardware.parse("kind=gpu,vendor=nvidia,memory_gib=24,bandwidth_gbps=1008,fp16_tflops=165");
   * }</pre>
   *
   * @param spec the pairs, not null
   * @return the device
   * @throws IllegalArgumentException naming the key or value that is missing, unknown, repeated or out of range
   */
  public static Hardware parse(String spec) {
    Checks.requireNonNull(spec, "spec");
    Map<String, String> values = new LinkedHashMap<>();
    for (String part : spec.split(",", -1)) {
      int eq = part.indexOf('=');
      String key = eq < 0 ? part.trim() : part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      if (eq < 0 || key.isEmpty()) {
        throw new IllegalArgumentException("hardware spec parts must be key=value but was '" + part.trim()
            + "' in '" + spec + "'");
      }
      if (!SPEC_KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown hardware spec key '" + key + "'; allowed: "
            + String.join(", ", SPEC_KEYS));
      }
      if (values.put(key, part.substring(eq + 1).trim()) != null) {
        throw new IllegalArgumentException("hardware spec key '" + key + "' is given twice in '" + spec + "'");
      }
    }
    for (String required : SPEC_KEYS.subList(0, 4)) {
      if (!values.containsKey(required)) {
        throw new IllegalArgumentException("hardware spec needs " + required + " but '" + spec
            + "' has none; required: kind, vendor, memory_gib, bandwidth_gbps");
      }
    }
    HardwareKind kind = HardwareKind.parse(values.get("kind"));
    Vendor vendor = Vendor.parse(values.get("vendor"));
    double gib = specNumber(values, "memory_gib");
    Checks.requireInRange(gib, 0, false, 1 << 30, "memory_gib", "GiB");
    String name = values.getOrDefault("name", "custom " + kind.name().toLowerCase(Locale.ROOT) + " "
        + Checks.plain(gib) + " GiB");
    double share = values.containsKey("gpu_share") ? specNumber(values, "gpu_share") : 1.0;
    Hardware h = create(name, kind, vendor, Bytes.of(gib, ByteUnit.GIB), specNumber(values, "bandwidth_gbps"),
        share);
    if (values.containsKey("fp16_tflops")) {
      h = h.withFp16Tflops(specNumber(values, "fp16_tflops"));
    }
    if (values.containsKey("fp32_tflops")) {
      h = h.withFp32Tflops(specNumber(values, "fp32_tflops"));
    }
    if (values.containsKey("count")) {
      double count = specNumber(values, "count");
      if (count != Math.rint(count)) {
        throw new IllegalArgumentException("count must be a whole number of devices but was " + values.get("count"));
      }
      // Checked before the cast, so that a count beyond an int is named as given.
      Checks.requireInRange(count, 1, true, MAX_COUNT, "count", "devices");
      h = h.times((int) count);
    }
    return h;
  }

  private static double specNumber(Map<String, String> values, String key) {
    String text = values.get(key);
    try {
      return Checks.requireFinite(Double.parseDouble(text), key);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number but was '" + text + "'", e);
    }
  }

  private static Hardware create(String name, HardwareKind kind, Vendor vendor, Bytes memory, double bandwidthGBps,
      double share) {
    Checks.requireNonBlank(name, "name");
    Checks.requireNonNull(kind, "kind");
    Checks.requireNonNull(vendor, "vendor");
    Checks.requireNonNull(memory, "memory");
    if (memory.bytes() == 0) {
      throw new IllegalArgumentException("memory must be more than 0 bytes but was " + memory);
    }
    Checks.requireInRange(bandwidthGBps, 0, false, MAX_BANDWIDTH_GBPS, "bandwidthGBps", "GB/s");
    Checks.requireInRange(share, 0, false, 1, "gpuMemoryShare", "");
    return new Hardware(null, name, kind, vendor, memory, bandwidthGBps, Double.NaN, Double.NaN, share, 1);
  }

  static String slug(String name) {
    StringBuilder s = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      c = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      boolean kept = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.';
      if (kept) {
        s.append(c);
      } else if (s.length() > 0 && s.charAt(s.length() - 1) != '-') {
        s.append('-');
      }
    }
    int end = s.length() > 0 && s.charAt(s.length() - 1) == '-' ? s.length() - 1 : s.length();
    return end == 0 ? "hardware" : s.substring(0, end);
  }

  /**
   * A copy with another name (the identifier is unchanged).
   *
   * @param name the new name, not blank
   * @return a new device with that name
   */
  public Hardware withName(String name) {
    Checks.requireNonBlank(name, "name");
    return new Hardware(id(), name, kind, vendor, memory, bandwidthGBps, fp16Tflops, fp32Tflops, gpuMemoryShare, count);
  }

  /**
   * A copy with another identifier.
   *
   * @param id the new identifier, not blank
   * @return a new device with that identifier
   */
  public Hardware withId(String id) {
    Checks.requireNonBlank(id, "id");
    return new Hardware(id, name, kind, vendor, memory, bandwidthGBps, fp16Tflops, fp32Tflops, gpuMemoryShare, count);
  }

  /**
   * A copy with a dense FP16 tensor throughput, used for prefill estimates.
   *
   * @param tflops in (0, 1,000,000]
   * @return a new device with that throughput
   */
  public Hardware withFp16Tflops(double tflops) {
    Checks.requireInRange(tflops, 0, false, 1_000_000, "fp16Tflops", "TFLOPS");
    return new Hardware(givenId, name, kind, vendor, memory, bandwidthGBps, tflops, fp32Tflops, gpuMemoryShare, count);
  }

  /**
   * A copy with a dense FP32 vector (non-tensor, "shader") throughput, used for the compute part of decode and
   * prefill estimates.
   *
   * @param tflops in (0, 1,000,000]
   * @return a new device with that throughput
   */
  public Hardware withFp32Tflops(double tflops) {
    Checks.requireInRange(tflops, 0, false, 1_000_000, "fp32Tflops", "TFLOPS");
    return new Hardware(givenId, name, kind, vendor, memory, bandwidthGBps, fp16Tflops, tflops, gpuMemoryShare, count);
  }

  /**
   * A copy whose GPU may use {@code share} of the memory, for example after raising macOS's limit with
   * {@code sysctl iogpu.wired_limit_mb}.
   *
   * @param share in (0, 1]
   * @return a new device with that share
   */
  public Hardware withGpuMemoryShare(double share) {
    Checks.requireInRange(share, 0, false, 1, "gpuMemoryShare", "");
    return new Hardware(givenId, name, kind, vendor, memory, bandwidthGBps, fp16Tflops, fp32Tflops, share, count);
  }

  /**
   * {@code count} identical devices of this one, for example an 8-GPU node, named {@code "8 × <name>"}.
   *
   * @param count 1 to {@value #MAX_COUNT}
   * @return the group of devices, one device when {@code count} is 1
   */
  public Hardware times(int count) {
    Checks.requireInRange(count, 1, MAX_COUNT, "count", "devices");
    String n = count == 1 ? baseName() : count + " × " + baseName();
    String i = count == 1 ? baseId() : count + "x-" + baseId();
    return new Hardware(i, n, kind, vendor, memory, bandwidthGBps, fp16Tflops, fp32Tflops, gpuMemoryShare, count);
  }

  private String baseName() {
    return withoutCountPrefix(name, " × ");
  }

  private String baseId() {
    return withoutCountPrefix(id(), "x-");
  }

  /**
   * {@code text} without a leading count and {@code separator} ({@code "8 × "}, {@code "8x-"}), as {@link #times}
   * writes them. A scan, not a regular expression: compiling one costs a catalog's first load milliseconds.
   */
  private static String withoutCountPrefix(String text, String separator) {
    int digits = 0;
    while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
      digits++;
    }
    return digits > 0 && text.startsWith(separator, digits) ? text.substring(digits + separator.length()) : text;
  }

  /**
   * The identifier, a slug of the name unless set.
   *
   * @return the identifier
   */
  public String id() {
    if (givenId != null) {
      return givenId;
    }
    String derived = derivedId;
    if (derived == null) {
      derived = slug(name);
      derivedId = derived;
    }
    return derived;
  }

  /**
   * The name.
   *
   * @return the display name, {@code "8 × <name>"} for a group
   */
  public String name() {
    return name;
  }

  /**
   * The kind.
   *
   * @return the kind of device
   */
  public HardwareKind kind() {
    return kind;
  }

  /**
   * The maker.
   *
   * @return the maker
   */
  public Vendor vendor() {
    return vendor;
  }

  /**
   * One device's memory, as sold.
   *
   * @return the memory of one device
   */
  public Bytes memory() {
    return memory;
  }

  /**
   * Memory bandwidth of one device, in decimal GB/s.
   *
   * @return the bandwidth in GB/s
   */
  public double bandwidthGBps() {
    return bandwidthGBps;
  }

  /**
   * Dense FP16 throughput of one device in TFLOPS, if known: the matrix (tensor core) figure where the device has
   * matrix units, otherwise its vector FP16 rate.
   *
   * @return the FP16 throughput in TFLOPS, or empty when unknown
   */
  public OptionalDouble fp16Tflops() {
    return Double.isNaN(fp16Tflops) ? OptionalDouble.empty() : OptionalDouble.of(fp16Tflops);
  }

  /**
   * Dense FP32 vector (non-tensor) throughput of one device in TFLOPS, if known.
   *
   * @return the FP32 throughput in TFLOPS, or empty when unknown
   */
  public OptionalDouble fp32Tflops() {
    return Double.isNaN(fp32Tflops) ? OptionalDouble.empty() : OptionalDouble.of(fp32Tflops);
  }

  /** {@link #fp16Tflops()} without the wrapper, for the speed formulas: NaN when unknown. */
  double fp16TflopsOrNaN() {
    return fp16Tflops;
  }

  /** {@link #fp32Tflops()} without the wrapper, for the speed formulas: NaN when unknown. */
  double fp32TflopsOrNaN() {
    return fp32Tflops;
  }

  /**
   * The share of each device's memory the GPU may use: 1 for discrete GPUs and CPUs.
   *
   * @return the share, in (0, 1]
   */
  public double gpuMemoryShare() {
    return gpuMemoryShare;
  }

  /**
   * The number of identical devices, 1 for a single one.
   *
   * @return the device count, 1 to {@value #MAX_COUNT}
   */
  public int count() {
    return count;
  }

  /**
   * Memory of all devices together, as sold.
   *
   * @return {@code memory × count}
   */
  public Bytes totalMemory() {
    return memory.multipliedBy(count);
  }

  /**
   * What a model may occupy: {@code memory × gpuMemoryShare × count}.
   *
   * @return the memory a model may occupy
   */
  public Bytes usableMemory() {
    Bytes usable = usableMemory;
    if (usable == null) {
      usable = memory.multipliedBy(gpuMemoryShare).multipliedBy(count);
      usableMemory = usable;
    }
    return usable;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Hardware)) {
      return false;
    }
    Hardware h = (Hardware) o;
    return id().equals(h.id()) && name.equals(h.name) && kind == h.kind && vendor == h.vendor
        && memory.equals(h.memory) && Double.compare(bandwidthGBps, h.bandwidthGBps) == 0
        && Double.compare(fp16Tflops, h.fp16Tflops) == 0 && Double.compare(fp32Tflops, h.fp32Tflops) == 0
        && Double.compare(gpuMemoryShare, h.gpuMemoryShare) == 0 && count == h.count;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id(), memory, bandwidthGBps, count);
  }

  /** For example {@code "NVIDIA GeForce RTX 4090 (24 GiB, 1008 GB/s)"}. */
  @Override
  public String toString() {
    String share = gpuMemoryShare < 1 ? String.format(Locale.ROOT, ", GPU may use %.0f%%", gpuMemoryShare * 100) : "";
    return String.format(Locale.ROOT, "%s (%s%s, %s GB/s)", name, memory, share, Checks.plain(bandwidthGBps));
  }
}
