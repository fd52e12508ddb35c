package dev.headroom.catalog;

import dev.headroom.Hardware;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A catalogued device: its {@link Hardware}, the names users type for it, its market, and where every value came
 * from. Unified-memory chips sold with several memory sizes appear once per size ("Apple M3 Max (16-core CPU,
 * 40-core GPU) 128GB").
 *
 * <pre>{@code
 * HardwareEntry entry = HardwareEntry.of(Hardware.gpu("My GPU", Vendor.OTHER, Bytes.ofGibibytes(16), 500),
 *     HardwareClass.CONSUMER).withAliases(List.of("mygpu"));
 * }</pre>
 */
public final class HardwareEntry {
  private final Hardware hardware;
  private final HardwareClass hardwareClass;
  private final List<String> aliases;
  private final @Nullable String architecture;
  private final int releaseYear;
  private final @Nullable String gpuShareRule;
  private final String sources;
  private final String notes;

  private HardwareEntry(Hardware hardware, HardwareClass hardwareClass, List<String> aliases,
      @Nullable String architecture, int releaseYear, @Nullable String gpuShareRule, String sources, String notes) {
    this.hardware = hardware;
    this.hardwareClass = hardwareClass;
    this.aliases = List.copyOf(aliases);
    this.architecture = architecture;
    this.releaseYear = releaseYear;
    this.gpuShareRule = gpuShareRule;
    this.sources = sources;
    this.notes = notes;
  }

  /**
   * An entry for {@code hardware} with no aliases, sources or notes.
   *
   * @param hardware the device, not null
   * @param hardwareClass the market it is sold to, not null
   * @return the entry
   */
  public static HardwareEntry of(Hardware hardware, HardwareClass hardwareClass) {
    Objects.requireNonNull(hardware, "hardware must not be null");
    Objects.requireNonNull(hardwareClass, "hardwareClass must not be null");
    return new HardwareEntry(hardware, hardwareClass, List.of(), null, 0, null, "", "");
  }

  /**
   * A copy with these aliases. This instance is unaffected.
   *
   * @param aliases other names users type, not null, none blank
   * @return a new entry with those aliases
   */
  public HardwareEntry withAliases(List<String> aliases) {
    return new HardwareEntry(hardware, hardwareClass, Entries.names(aliases, "aliases"), architecture, releaseYear,
        gpuShareRule, sources, notes);
  }

  /**
   * A copy with a chip architecture ("Ada Lovelace", "CDNA 3").
   *
   * @param architecture the architecture name, not blank
   * @return a new entry with that architecture
   */
  public HardwareEntry withArchitecture(String architecture) {
    return new HardwareEntry(hardware, hardwareClass, aliases, Entries.nonBlank(architecture, "architecture"),
        releaseYear, gpuShareRule, sources, notes);
  }

  /**
   * A copy with a release year.
   *
   * @param year 1990 to 2100
   * @return a new entry with that year
   */
  public HardwareEntry withReleaseYear(int year) {
    if (year < 1990 || year > 2100) {
      throw new IllegalArgumentException("releaseYear must be in [1990, 2100] but was " + year);
    }
    return new HardwareEntry(hardware, hardwareClass, aliases, architecture, year, gpuShareRule, sources, notes);
  }

  /**
   * A copy naming the rule behind the GPU's share of unified memory ({@code "apple-default"}, {@code "0.93"}).
   *
   * @param rule the rule, not blank
   * @return a new entry with that rule
   */
  public HardwareEntry withGpuShareRule(String rule) {
    return new HardwareEntry(hardware, hardwareClass, aliases, architecture, releaseYear,
        Entries.nonBlank(rule, "gpuShareRule"), sources, notes);
  }

  /**
   * A copy with these sources ({@code field=key;…}, keys explained in the {@code *-SOURCES.md} files).
   *
   * @param sources the sources, not null
   * @return a new entry with those sources
   */
  public HardwareEntry withSources(String sources) {
    return new HardwareEntry(hardware, hardwareClass, aliases, architecture, releaseYear, gpuShareRule,
        Objects.requireNonNull(sources, "sources must not be null"), notes);
  }

  /**
   * A copy with these notes.
   *
   * @param notes the notes, not null
   * @return a new entry with those notes
   */
  public HardwareEntry withNotes(String notes) {
    return new HardwareEntry(hardware, hardwareClass, aliases, architecture, releaseYear, gpuShareRule, sources,
        Objects.requireNonNull(notes, "notes must not be null"));
  }

  /**
   * The device.
   *
   * @return the device
   */
  public Hardware hardware() {
    return hardware;
  }

  /**
   * The catalog id ({@link Hardware#id()}).
   *
   * @return the id
   */
  public String id() {
    return hardware.id();
  }

  /**
   * The display name.
   *
   * @return the device's name
   */
  public String name() {
    return hardware.name();
  }

  /**
   * The market it is sold to.
   *
   * @return the hardware class
   */
  public HardwareClass hardwareClass() {
    return hardwareClass;
  }

  /**
   * Other names users type.
   *
   * @return the aliases, possibly empty
   */
  public List<String> aliases() {
    return aliases;
  }

  /**
   * The chip architecture, if known.
   *
   * @return the architecture, or empty when unknown
   */
  public Optional<String> architecture() {
    return Optional.ofNullable(architecture);
  }

  /**
   * The release year, if known.
   *
   * @return the year, or empty when unknown
   */
  public OptionalInt releaseYear() {
    return releaseYear == 0 ? OptionalInt.empty() : OptionalInt.of(releaseYear);
  }

  /**
   * The rule behind {@link Hardware#gpuMemoryShare()} for unified memory ({@code "apple-default"} or a fixed
   * fraction); empty when no source gives one and the whole memory is assumed usable.
   *
   * @return the rule, or empty
   */
  public Optional<String> gpuShareRule() {
    return Optional.ofNullable(gpuShareRule);
  }

  /**
   * Where each value came from: {@code field,field=key;…}.
   *
   * @return the sources, empty when none were given
   */
  public String sources() {
    return sources;
  }

  /**
   * Disagreements between sources and caveats.
   *
   * @return the notes, empty when none were given
   */
  public String notes() {
    return notes;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof HardwareEntry)) {
      return false;
    }
    HardwareEntry e = (HardwareEntry) o;
    return hardware.equals(e.hardware) && hardwareClass == e.hardwareClass && aliases.equals(e.aliases)
        && Objects.equals(architecture, e.architecture) && releaseYear == e.releaseYear
        && Objects.equals(gpuShareRule, e.gpuShareRule) && sources.equals(e.sources) && notes.equals(e.notes);
  }

  @Override
  public int hashCode() {
    return hardware.hashCode();
  }

  /** The hardware's text, for example {@code "NVIDIA GeForce RTX 4090 (24 GiB, 1008 GB/s)"}. */
  @Override
  public String toString() {
    return hardware.toString();
  }
}
