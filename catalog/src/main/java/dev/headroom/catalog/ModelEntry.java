package dev.headroom.catalog;

import dev.headroom.ModelSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A catalogued model: its {@link ModelSpec}, the other names users type for it, its relatives in the catalog and
 * where every value came from.
 *
 * <pre>{@code
 * ModelEntry entry = ModelEntry.of(spec).withAliases(List.of("my-model:7b")).withSources("config=my-config.json");
 * String id = entry.id();
 * }</pre>
 */
public final class ModelEntry {
  private final ModelSpec spec;
  private final List<String> aliases;
  private final @Nullable String baseModel;
  private final List<String> related;
  private final String sources;
  private final String notes;

  private ModelEntry(ModelSpec spec, List<String> aliases, @Nullable String baseModel, List<String> related,
      String sources, String notes) {
    this.spec = spec;
    this.aliases = List.copyOf(aliases);
    this.baseModel = baseModel;
    this.related = List.copyOf(related);
    this.sources = sources;
    this.notes = notes;
  }

  /**
   * An entry for {@code spec} with no aliases, relatives, sources or notes.
   *
   * @param spec the model, not null
   * @return the entry
   */
  public static ModelEntry of(ModelSpec spec) {
    Objects.requireNonNull(spec, "spec must not be null");
    return new ModelEntry(spec, List.of(), null, List.of(), "", "");
  }

  /**
   * A copy with these aliases. This instance is unaffected.
   *
   * @param aliases other names users type, not null, none blank
   * @return a new entry with those aliases
   */
  public ModelEntry withAliases(List<String> aliases) {
    return new ModelEntry(spec, Entries.names(aliases, "aliases"), baseModel, related, sources, notes);
  }

  /**
   * A copy naming the catalog id of the model this one derives from.
   *
   * @param id the base model's catalog id, not blank
   * @return a new entry with that base model
   */
  public ModelEntry withBaseModel(String id) {
    return new ModelEntry(spec, aliases, Entries.nonBlank(id, "baseModel"), related, sources, notes);
  }

  /**
   * A copy with these related catalog ids.
   *
   * @param ids catalog ids of related models, not null, none blank
   * @return a new entry with those relatives
   */
  public ModelEntry withRelated(List<String> ids) {
    return new ModelEntry(spec, aliases, baseModel, Entries.names(ids, "related"), sources, notes);
  }

  /**
   * A copy with these sources ({@code field=key;…}, keys explained in {@code models-SOURCES.md}).
   *
   * @param sources the sources, not null
   * @return a new entry with those sources
   */
  public ModelEntry withSources(String sources) {
    return new ModelEntry(spec, aliases, baseModel, related,
        Objects.requireNonNull(sources, "sources must not be null"), notes);
  }

  /**
   * A copy with these notes.
   *
   * @param notes the notes, not null
   * @return a new entry with those notes
   */
  public ModelEntry withNotes(String notes) {
    return new ModelEntry(spec, aliases, baseModel, related, sources,
        Objects.requireNonNull(notes, "notes must not be null"));
  }

  /**
   * The model.
   *
   * @return the model's spec
   */
  public ModelSpec spec() {
    return spec;
  }

  /**
   * The catalog id ({@link ModelSpec#id()}).
   *
   * @return the id
   */
  public String id() {
    return spec.id();
  }

  /**
   * The display name.
   *
   * @return the model's name
   */
  public String name() {
    return spec.name();
  }

  /**
   * Other names users type, for example {@code "deepseek-r1:1.5b"}.
   *
   * @return the aliases, possibly empty
   */
  public List<String> aliases() {
    return aliases;
  }

  /**
   * The id of the model this one derives from, if catalogued.
   *
   * @return the base model's id, or empty
   */
  public Optional<String> baseModel() {
    return Optional.ofNullable(baseModel);
  }

  /**
   * Ids of related models: other sizes, distills, base and instruct versions.
   *
   * @return the related ids, possibly empty
   */
  public List<String> related() {
    return related;
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
    if (!(o instanceof ModelEntry)) {
      return false;
    }
    ModelEntry e = (ModelEntry) o;
    return spec.equals(e.spec) && aliases.equals(e.aliases) && Objects.equals(baseModel, e.baseModel)
        && related.equals(e.related) && sources.equals(e.sources) && notes.equals(e.notes);
  }

  @Override
  public int hashCode() {
    return spec.hashCode();
  }

  /** For example {@code "DeepSeek R1 Distill Qwen 1.5B (deepseek-r1-distill-qwen-1.5b)"}. */
  @Override
  public String toString() {
    return spec.name() + " (" + spec.id() + ")";
  }
}
