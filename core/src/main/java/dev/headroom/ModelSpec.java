package dev.headroom;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An open-weight model: its identity (id, name, publisher, licence, …), its parameter counts and the
 * {@link Architecture} that memory depends on.
 *
 * <p>Parameter counts are given or derived. {@link #totalParameters()} is the exact count when a source gives it
 * (Hugging Face safetensors metadata, a GGUF file); otherwise it is the sum of the tensor shapes llama.cpp writes
 * for the architecture. {@link #activeParameters()} is what one token reads: the total for a dense model, the
 * shared weights plus {@code expertsPerToken} routed experts for an MoE. {@link #nominalParameters()} is the
 * marketed size ("1.5B"), which the seed page's naive formula multiplies by the bits per weight.
 *
 * <p>Instances are immutable and thread-safe; build them with {@link #builder(String)} or take them from the
 * catalog. Equality covers every field.
 *
 * <pre>{@code
 * ModelSpec r1 = ModelSpec.builder("deepseek-r1-distill-qwen-1.5b")
 *     .name("DeepSeek R1 Distill Qwen 1.5B").publisher("DeepSeek").family("Qwen")
 *     .arch("qwen2").huggingFaceArchitecture("Qwen2ForCausalLM")
 *     .layers(28).hiddenSize(1536).heads(12, 2).headDim(128).ffnSize(8960)
 *     .vocabSize(151936).tiedEmbeddings(false).contextLength(131072)
 *     .nominalParameters(1_500_000_000L)
 *     .build();
 * long exact = r1.totalParameters();   // 1_777_088_000, derived from the tensor shapes
 *
 * ModelSpec air = ModelSpec.builder("glm-4.5-air").arch("glm4moe").layers(46).nextnLayers(1)
 *     .hiddenSize(4096).heads(96, 8).headDim(128).ffnSize(10944).vocabSize(151552).contextLength(131072)
 *     .moe(new MixtureOfExperts(128, 8, 1, 1408, 1408, 1, 1, true)).build();
 * long all = air.totalParameters();   // 110_468_824_832 with the NextN layer, which llama.cpp does not load
 * }</pre>
 */
public final class ModelSpec {
  private final String id;
  private final String name;
  private final @Nullable String publisher;
  private final @Nullable String family;
  private final @Nullable String license;
  private final @Nullable LocalDate releaseDate;
  private final @Nullable String huggingFaceRepo;
  private final @Nullable String huggingFaceArchitecture;
  private final Set<Tag> tags;
  private final Architecture architecture;
  private final long givenTotalParameters;
  private final long givenActiveParameters;
  private final long givenNominalParameters;
  private final boolean approximate;
  /** Derived lazily: building the tensor inventory costs microseconds, and a catalog holds hundreds of models. */
  private volatile @Nullable ModelTables tables;

  private ModelSpec(Builder b, Architecture architecture) {
    this.id = b.id;
    this.name = b.name == null ? b.id : b.name;
    this.publisher = b.publisher;
    this.family = b.family;
    this.license = b.license;
    this.releaseDate = b.releaseDate;
    this.huggingFaceRepo = b.huggingFaceRepo;
    this.huggingFaceArchitecture = b.huggingFaceArchitecture;
    this.tags = Collections.unmodifiableSet(b.tags.isEmpty() ? EnumSet.noneOf(Tag.class) : EnumSet.copyOf(b.tags));
    this.architecture = architecture;
    this.givenTotalParameters = b.totalParameters;
    this.givenActiveParameters = b.activeParameters;
    this.givenNominalParameters = b.nominalParameters;
    this.approximate = b.approximate;
    if (givenActiveParameters > 0 && givenActiveParameters > totalParameters()) {
      throw new IllegalArgumentException("activeParameters must be at most totalParameters ("
          + totalParameters() + ") but was " + givenActiveParameters);
    }
  }

  /**
   * Starts a builder.
   *
   * @param id a stable identifier such as {@code "llama-3.1-8b-instruct"}, not blank
   * @return a new builder with that id
   */
  public static Builder builder(String id) {
    return new Builder(Checks.requireNonBlank(id, "id"));
  }

  /**
   * A builder holding every field of this spec, to derive a changed copy.
   *
   * @return a new builder that builds an equal spec until changed
   */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.name = name;
    b.publisher = publisher;
    b.family = family;
    b.license = license;
    b.releaseDate = releaseDate;
    b.huggingFaceRepo = huggingFaceRepo;
    b.huggingFaceArchitecture = huggingFaceArchitecture;
    b.tags = EnumSet.noneOf(Tag.class);
    b.tags.addAll(tags);
    Architecture a = architecture;
    b.arch = a.arch();
    b.layers = a.layers();
    b.hiddenSize = a.hiddenSize();
    b.attentionHeads = a.attentionHeads();
    b.kvHeads = a.kvHeads();
    b.headDimK = a.headDimK();
    b.headDimV = a.headDimV();
    b.ffnSize = a.ffnSize();
    b.vocabSize = a.vocabSize();
    b.tiedEmbeddings = a.tiedEmbeddings();
    b.contextLength = a.contextLength();
    b.moe = a.moe();
    b.mla = a.mla();
    b.slidingWindow = a.slidingWindow();
    b.recurrent = a.recurrent();
    b.qkNorm = a.qkNorm();
    b.nextnLayers = a.nextnLayers();
    b.totalParameters = givenTotalParameters;
    b.activeParameters = givenActiveParameters;
    b.nominalParameters = givenNominalParameters;
    b.approximate = approximate;
    return b;
  }

  /**
   * The stable identifier, for example {@code "deepseek-r1-distill-qwen-1.5b"}.
   *
   * @return the identifier
   */
  public String id() {
    return id;
  }

  /**
   * The display name; the id when none was given.
   *
   * @return the display name
   */
  public String name() {
    return name;
  }

  /**
   * The publishing organisation, if known.
   *
   * @return the publisher, or empty when unknown
   */
  public Optional<String> publisher() {
    return Optional.ofNullable(publisher);
  }

  /**
   * The family users know it by ("Qwen", "Llama"), if known.
   *
   * @return the family, or empty when unknown
   */
  public Optional<String> family() {
    return Optional.ofNullable(family);
  }

  /**
   * The licence (SPDX id or name), if known.
   *
   * @return the licence, or empty when unknown
   */
  public Optional<String> license() {
    return Optional.ofNullable(license);
  }

  /**
   * The release date, if known.
   *
   * @return the release date, or empty when unknown
   */
  public Optional<LocalDate> releaseDate() {
    return Optional.ofNullable(releaseDate);
  }

  /**
   * The Hugging Face repository id, for example {@code "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B"}.
   *
   * @return the repository id ({@code owner/name}), or empty when unknown
   */
  public Optional<String> huggingFaceRepo() {
    return Optional.ofNullable(huggingFaceRepo);
  }

  /**
   * The Hugging Face architecture class, for example {@code "Qwen2ForCausalLM"}.
   *
   * @return the architecture class name, or empty when unknown
   */
  public Optional<String> huggingFaceArchitecture() {
    return Optional.ofNullable(huggingFaceArchitecture);
  }

  /**
   * The capability tags, unmodifiable.
   *
   * @return the tags, possibly empty
   */
  public Set<Tag> tags() {
    return tags;
  }

  /**
   * The architecture memory depends on.
   *
   * @return the architecture
   */
  public Architecture architecture() {
    return architecture;
  }

  /**
   * The exact parameter count: given by a source, or derived from the architecture's tensor shapes.
   *
   * @return the total number of parameters
   */
  public long totalParameters() {
    return givenTotalParameters != 0 ? givenTotalParameters : derivedParameters();
  }

  /**
   * Parameters one token reads: the total for a dense model, shared plus routed-per-token for an MoE; never the
   * multi-token-prediction layers, which llama.cpp does not load.
   *
   * @return the number of parameters one token reads
   */
  public long activeParameters() {
    if (givenActiveParameters != 0) {
      return givenActiveParameters;
    }
    TensorInventory inventory = tables().inventory();
    return Math.max(1, totalParameters() - inventory.inactiveExpertElements() - inventory.skippedElements());
  }

  /**
   * The marketed size ("1.5B" is 1,500,000,000), used by the seed page's naive formula.
   *
   * @return the marketed parameter count
   */
  public long nominalParameters() {
    return givenNominalParameters != 0 ? givenNominalParameters : totalParameters();
  }

  /**
   * The parameter count of the tensors llama.cpp writes for this architecture, whether or not a total was given;
   * it includes the multi-token-prediction layers a GGUF keeps (GLM-4.5's). It differs from a given total when a
   * checkpoint holds tensors a GGUF drops (DeepSeek-V3's multi-token-prediction module, vision towers) or adds
   * (MXFP4 scales).
   *
   * @return the derived parameter count
   */
  public long derivedParameters() {
    return tables().inventory().totalElements();
  }

  /**
   * Whether {@link #totalParameters()} was derived from the architecture rather than given.
   *
   * @return true if the total was derived, false if a source gave it
   */
  public boolean parametersDerived() {
    return givenTotalParameters == 0;
  }

  /**
   * Whether the architecture was read from generic fields of an unknown model type and may be incomplete.
   *
   * @return true if the architecture may be incomplete
   */
  public boolean isApproximate() {
    return approximate;
  }

  /**
   * Whether this is a mixture-of-experts model.
   *
   * @return true if the architecture has a {@link MixtureOfExperts} part
   */
  public boolean isMoe() {
    return architecture.moe() != null;
  }

  ModelTables tables() {
    ModelTables t = tables;
    if (t == null) {
      t = new ModelTables(architecture);
      tables = t;
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ModelSpec)) {
      return false;
    }
    ModelSpec m = (ModelSpec) o;
    return id.equals(m.id) && name.equals(m.name) && Objects.equals(publisher, m.publisher)
        && Objects.equals(family, m.family) && Objects.equals(license, m.license)
        && Objects.equals(releaseDate, m.releaseDate) && Objects.equals(huggingFaceRepo, m.huggingFaceRepo)
        && Objects.equals(huggingFaceArchitecture, m.huggingFaceArchitecture) && tags.equals(m.tags)
        && architecture.equals(m.architecture) && givenTotalParameters == m.givenTotalParameters
        && givenActiveParameters == m.givenActiveParameters && givenNominalParameters == m.givenNominalParameters
        && approximate == m.approximate;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, architecture, givenTotalParameters);
  }

  /** For example {@code "ModelSpec{id=qwen3-8b, arch=qwen3, parameters=8190735360}"}. */
  @Override
  public String toString() {
    return "ModelSpec{id=" + id + ", arch=" + architecture.arch() + ", parameters=" + totalParameters()
        + (isMoe() ? ", active=" + activeParameters() : "") + (approximate ? ", approximate" : "") + "}";
  }

  /**
   * Builds a {@link ModelSpec}. Setters validate at once and return this builder; the last call wins.
   * {@link #build()} checks the fields together. Required: {@code layers}, {@code hiddenSize}, {@code heads},
   * {@code vocabSize}, {@code contextLength}, and {@code ffnSize} unless the model is MoE. Defaults: architecture
   * {@code "llama"}, head size {@code hiddenSize / attentionHeads}, untied embeddings.
   */
  public static final class Builder {
    private final String id;
    private @Nullable String name;
    private @Nullable String publisher;
    private @Nullable String family;
    private @Nullable String license;
    private @Nullable LocalDate releaseDate;
    private @Nullable String huggingFaceRepo;
    private @Nullable String huggingFaceArchitecture;
    private EnumSet<Tag> tags = EnumSet.noneOf(Tag.class);
    private String arch = "llama";
    private int layers;
    private int hiddenSize;
    private int attentionHeads;
    private int kvHeads;
    private int headDimK;
    private int headDimV;
    private int ffnSize;
    private int vocabSize;
    private boolean tiedEmbeddings;
    private int contextLength;
    private @Nullable MixtureOfExperts moe;
    private @Nullable LatentAttention mla;
    private @Nullable SlidingWindow slidingWindow;
    private @Nullable RecurrentLayers recurrent;
    private boolean qkNorm;
    private int nextnLayers;
    private long totalParameters;
    private long activeParameters;
    private long nominalParameters;
    private boolean approximate;

    private Builder(String id) {
      this.id = id;
    }

    /**
     * The display name.
     *
     * @param name the display name, not blank
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Checks.requireNonBlank(name, "name");
      return this;
    }

    /**
     * The publishing organisation.
     *
     * @param publisher the organisation, not blank
     * @return this builder
     */
    public Builder publisher(String publisher) {
      this.publisher = Checks.requireNonBlank(publisher, "publisher");
      return this;
    }

    /**
     * The family ("Qwen", "Llama").
     *
     * @param family the family name, not blank
     * @return this builder
     */
    public Builder family(String family) {
      this.family = Checks.requireNonBlank(family, "family");
      return this;
    }

    /**
     * The licence (SPDX id or name).
     *
     * @param license the licence, not blank
     * @return this builder
     */
    public Builder license(String license) {
      this.license = Checks.requireNonBlank(license, "license");
      return this;
    }

    /**
     * The release date.
     *
     * @param releaseDate the date, not null
     * @return this builder
     */
    public Builder releaseDate(LocalDate releaseDate) {
      this.releaseDate = Checks.requireNonNull(releaseDate, "releaseDate");
      return this;
    }

    /**
     * The Hugging Face repository id ({@code owner/name}).
     *
     * @param repo the repository id, {@code owner/name}
     * @return this builder
     */
    public Builder huggingFaceRepo(String repo) {
      Checks.requireNonBlank(repo, "repo");
      if (repo.indexOf('/') <= 0 || repo.indexOf('/') == repo.length() - 1) {
        throw new IllegalArgumentException("repo must look like 'owner/name' but was '" + repo + "'");
      }
      this.huggingFaceRepo = repo;
      return this;
    }

    /**
     * The Hugging Face architecture class ({@code config.json} {@code architectures[0]}).
     *
     * @param className the class name, not blank
     * @return this builder
     */
    public Builder huggingFaceArchitecture(String className) {
      this.huggingFaceArchitecture = Checks.requireNonBlank(className, "className");
      return this;
    }

    /**
     * The capability tags (replacing any set before).
     *
     * @param tags the tags, not null, none null
     * @return this builder
     */
    public Builder tags(Set<Tag> tags) {
      Checks.requireNonNull(tags, "tags");
      EnumSet<Tag> copy = EnumSet.noneOf(Tag.class);
      for (Tag tag : tags) {
        copy.add(Checks.requireNonNull(tag, "tag"));
      }
      this.tags = copy;
      return this;
    }

    /**
     * llama.cpp's architecture name ({@code general.architecture}); default {@code "llama"}.
     *
     * @param arch the architecture name, not blank
     * @return this builder
     */
    public Builder arch(String arch) {
      this.arch = Checks.requireNonBlank(arch, "arch");
      return this;
    }

    /**
     * Transformer blocks, 1 to 4096.
     *
     * @param layers the number of transformer blocks, 1 to 4096
     * @return this builder
     */
    public Builder layers(int layers) {
      this.layers = Checks.requireInRange(layers, 1, 4096, "layers", "");
      return this;
    }

    /**
     * Model width.
     *
     * @param hiddenSize the embedding width, 1 to 1,048,576
     * @return this builder
     */
    public Builder hiddenSize(int hiddenSize) {
      this.hiddenSize = Checks.requireInRange(hiddenSize, 1, 1 << 20, "hiddenSize", "");
      return this;
    }

    /**
     * Query heads and key/value heads ({@code kvHeads} divides {@code attentionHeads}; equal for multi-head
     * attention, fewer for grouped-query attention).
     *
     * @param attentionHeads the query heads, 1 to 16,384
     * @param kvHeads the key/value heads, 1 to {@code attentionHeads}
     * @return this builder
     */
    public Builder heads(int attentionHeads, int kvHeads) {
      this.attentionHeads = Checks.requireInRange(attentionHeads, 1, 1 << 14, "attentionHeads", "");
      this.kvHeads = Checks.requireInRange(kvHeads, 1, attentionHeads, "kvHeads", "");
      return this;
    }

    /**
     * One head size for keys, queries and values (default {@code hiddenSize / attentionHeads}).
     *
     * @param headDim the size of one head, 1 to 16,384
     * @return this builder
     */
    public Builder headDim(int headDim) {
      return headDims(headDim, headDim);
    }

    /**
     * Key (and query) head size and value head size, when they differ.
     *
     * @param headDimK the size of one key (and query) head, 1 to 16,384
     * @param headDimV the size of one value head, 1 to 16,384
     * @return this builder
     */
    public Builder headDims(int headDimK, int headDimV) {
      this.headDimK = Checks.requireInRange(headDimK, 1, 1 << 14, "headDimK", "");
      this.headDimV = Checks.requireInRange(headDimV, 1, 1 << 14, "headDimV", "");
      return this;
    }

    /**
     * Intermediate size of the dense FFN (0 allowed only for an MoE without dense layers).
     *
     * @param ffnSize the intermediate size, 0 to 4,194,304
     * @return this builder
     */
    public Builder ffnSize(int ffnSize) {
      this.ffnSize = Checks.requireInRange(ffnSize, 0, 1 << 22, "ffnSize", "");
      return this;
    }

    /**
     * Vocabulary entries.
     *
     * @param vocabSize the number of tokens, 1 to 67,108,864
     * @return this builder
     */
    public Builder vocabSize(int vocabSize) {
      this.vocabSize = Checks.requireInRange(vocabSize, 1, 1 << 26, "vocabSize", "tokens");
      return this;
    }

    /**
     * Whether the output head reuses the token embeddings (default false).
     *
     * @param tied true if there is no separate output matrix
     * @return this builder
     */
    public Builder tiedEmbeddings(boolean tied) {
      this.tiedEmbeddings = tied;
      return this;
    }

    /**
     * Trained context length in tokens.
     *
     * @param tokens the trained context length, 1 to {@value Estimator#MAX_CONTEXT}
     * @return this builder
     */
    public Builder contextLength(int tokens) {
      this.contextLength = Checks.requireInRange(tokens, 1, Estimator.MAX_CONTEXT, "contextLength", "tokens");
      return this;
    }

    /**
     * The mixture-of-experts part.
     *
     * @param moe the experts, not null
     * @return this builder
     */
    public Builder moe(MixtureOfExperts moe) {
      this.moe = Checks.requireNonNull(moe, "moe");
      return this;
    }

    /**
     * The latent-attention part; unless {@link #headDims} says otherwise, it also gives the head sizes: a key head
     * of {@code nopeHeadDim + ropeHeadDim}, a value head of {@code vHeadDim}.
     *
     * @param mla the latent attention, not null
     * @return this builder
     */
    public Builder mla(LatentAttention mla) {
      this.mla = Checks.requireNonNull(mla, "mla");
      return this;
    }

    /**
     * The sliding-window part.
     *
     * @param slidingWindow the window and its layer pattern, not null
     * @return this builder
     */
    public Builder slidingWindow(SlidingWindow slidingWindow) {
      this.slidingWindow = Checks.requireNonNull(slidingWindow, "slidingWindow");
      return this;
    }

    /**
     * The recurrent layers.
     *
     * @param recurrent the recurrent layers, not null
     * @return this builder
     */
    public Builder recurrent(RecurrentLayers recurrent) {
      this.recurrent = Checks.requireNonNull(recurrent, "recurrent");
      return this;
    }

    /**
     * Whether the layers normalise each query and key head where the architecture makes that optional (GLM-4.5's
     * {@code use_qk_norm}; default false). Qwen3, Gemma 3 and OLMo-2 layers always do.
     *
     * @param qkNorm true if every layer has {@code attn_q_norm} and {@code attn_k_norm} of one head's size
     * @return this builder
     */
    public Builder qkNorm(boolean qkNorm) {
      this.qkNorm = qkNorm;
      return this;
    }

    /**
     * Multi-token-prediction (NextN) layers the GGUF file holds after the {@link #layers trunk} (GLM-4.5's
     * {@code num_nextn_predict_layers}; default 0). Each is a whole layer plus an input projection and its own
     * embedding and output head copies; llama.cpp does not load them, so they count in the file, not in memory.
     *
     * @param nextnLayers the number of NextN layers, 0 to 4,095
     * @return this builder
     */
    public Builder nextnLayers(int nextnLayers) {
      this.nextnLayers = Checks.requireInRange(nextnLayers, 0, 4095, "nextnLayers", "");
      return this;
    }

    /**
     * The exact total parameter count from a source; when not set it is derived from the tensor shapes.
     *
     * @param parameters the total parameter count, 1 to 2<sup>50</sup>
     * @return this builder
     */
    public Builder totalParameters(long parameters) {
      this.totalParameters = Checks.requireInRange(parameters, 1, Architecture.MAX_PARAMETERS, "totalParameters", "");
      return this;
    }

    /**
     * The active parameter count from a source; when not set it is derived.
     *
     * @param parameters the active parameter count, 1 to 2<sup>50</sup>
     * @return this builder
     */
    public Builder activeParameters(long parameters) {
      this.activeParameters = Checks.requireInRange(parameters, 1, Architecture.MAX_PARAMETERS, "activeParameters", "");
      return this;
    }

    /**
     * The marketed size ("1.5B" is 1,500,000,000); defaults to the total.
     *
     * @param parameters the marketed parameter count, 1 to 2<sup>50</sup>
     * @return this builder
     */
    public Builder nominalParameters(long parameters) {
      this.nominalParameters = Checks.requireInRange(parameters, 1, Architecture.MAX_PARAMETERS, "nominalParameters", "");
      return this;
    }

    /**
     * Marks the architecture as read from generic fields of an unknown model type.
     *
     * @param approximate true if the architecture may be incomplete
     * @return this builder
     */
    public Builder approximate(boolean approximate) {
      this.approximate = approximate;
      return this;
    }

    /**
     * Builds the spec.
     *
     * @return the spec
     * @throws IllegalStateException naming the missing field when a required one was not set
     * @throws IllegalArgumentException when the fields are inconsistent (for example a head count that does not
     *     divide)
     */
    public ModelSpec build() {
      requireSet(layers, "layers");
      requireSet(hiddenSize, "hiddenSize");
      requireSet(attentionHeads, "heads");
      requireSet(vocabSize, "vocabSize");
      requireSet(contextLength, "contextLength");
      if (moe == null) {
        requireSet(ffnSize, "ffnSize");
      }
      // Unless set: a latent-attention head is its no-position and rotary parts, else the width split by heads.
      LatentAttention latent = mla;
      int k = headDimK != 0 ? headDimK
          : latent != null ? latent.nopeHeadDim() + latent.ropeHeadDim() : hiddenSize / attentionHeads;
      int v = headDimV != 0 ? headDimV : latent != null ? latent.vHeadDim() : k;
      if (k == 0) {
        throw new IllegalStateException("headDim must be set when hiddenSize (" + hiddenSize
            + ") is smaller than attentionHeads (" + attentionHeads + ")");
      }
      Architecture a = new Architecture(arch, layers, hiddenSize, attentionHeads, kvHeads, k, v, ffnSize,
          vocabSize, tiedEmbeddings, contextLength, moe, mla, slidingWindow, recurrent, qkNorm, nextnLayers);
      return new ModelSpec(this, a);
    }

    private void requireSet(int value, String field) {
      if (value == 0) {
        throw new IllegalStateException(field + " must be set for model '" + id + "'");
      }
    }
  }
}
