package dev.headroom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The tensors llama.cpp's converter writes for an architecture ({@code convert_hf_to_gguf.py} and
 * {@code src/llama-model.cpp}), with GGUF names and shapes in ggml order. Norms, biases and routers are included:
 * they are small but not free. Architectures not listed get a llama-like layout.
 *
 * <p>The file also holds the multi-token-prediction layers after the trunk, which llama.cpp does not load: a file's
 * size and parameter count include them, memory and speed only the {@link TensorSpec#loaded() loaded} tensors.
 */
final class TensorInventory {
  /**
   * Whether every layer of {@code arch} normalises its queries and keys (per head for Qwen3, Gemma 3 and Qwen3-Next,
   * across all heads for OLMo-2), so that {@link Architecture#qkNorm()} has nothing to add.
   */
  static boolean alwaysNormsQk(String arch) {
    return arch.equals("qwen3") || arch.equals("qwen3moe") || arch.equals("gemma3") || arch.equals("qwen3next")
        || arch.equals("olmo2");
  }

  private final List<TensorSpec> tensors;
  private final long totalElements;
  private final long skippedElements;
  private final long inactiveExpertElements;

  private TensorInventory(List<TensorSpec> tensors, long inactiveExpertElements) {
    this.tensors = Collections.unmodifiableList(tensors);
    long total = 0;
    long skipped = 0;
    for (TensorSpec t : tensors) {
      total = Math.addExact(total, t.elements());
      skipped += t.loaded() ? 0 : t.elements();
    }
    this.totalElements = total;
    this.skippedElements = skipped;
    this.inactiveExpertElements = inactiveExpertElements;
  }

  /** Every tensor the file holds, loaded or not, in file order. */
  List<TensorSpec> tensors() {
    return tensors;
  }

  /** Sum of every tensor's elements: the parameter count as a GGUF file has it. */
  long totalElements() {
    return totalElements;
  }

  /** Elements of the tensors llama.cpp does not load: the multi-token-prediction layers. */
  long skippedElements() {
    return skippedElements;
  }

  /** Elements of the loaded layers' routed experts that a token does not use. */
  long inactiveExpertElements() {
    return inactiveExpertElements;
  }

  static TensorInventory of(Architecture a) {
    return new Layout(a).build();
  }

  /** Builds the list for one architecture; a fresh instance per call. */
  private static final class Layout {
    private final Architecture a;
    private final String arch;
    private final List<TensorSpec> out = new ArrayList<>();
    private long inactive;

    Layout(Architecture a) {
      this.a = a;
      this.arch = a.arch();
    }

    TensorInventory build() {
      long h = a.hiddenSize();
      add("token_embd.weight", TensorRole.TOKEN_EMBEDDING, -1, h, a.vocabSize(), 1);
      for (int layer = 0; layer < a.blockCount(); layer++) {
        block(layer);
        if (layer >= a.layers()) {
          nextn("blk." + layer + ".", layer);
        }
      }
      add("output_norm.weight", TensorRole.SMALL, -1, h, 1, 1);
      if (is("falcon")) {
        add("output_norm.bias", TensorRole.SMALL, -1, h, 1, 1);
      }
      if (!a.tiedEmbeddings()) {
        add("output.weight", TensorRole.OUTPUT, -1, h, a.vocabSize(), 1);
      }
      return new TensorInventory(out, inactive);
    }

    private void block(int layer) {
      long h = a.hiddenSize();
      String p = "blk." + layer + ".";
      if (!is("olmo2")) {
        add(p + "attn_norm.weight", TensorRole.SMALL, layer, h, 1, 1);
      }
      if (is("falcon")) {
        add(p + "attn_norm.bias", TensorRole.SMALL, layer, h, 1, 1);
      }
      if (a.hasKvCache(layer)) {
        attention(p, layer);
      } else {
        recurrentMixer(p, layer);
      }
      if (is("gemma2", "gemma3", "olmo2")) {
        add(p + "post_attention_norm.weight", TensorRole.SMALL, layer, h, 1, 1);
      }
      if (is("gpt-oss", "glm4moe")) {
        add(p + "post_attention_norm.weight", TensorRole.SMALL, layer, h, 1, 1);
      } else if (!is("command-r", "cohere2", "falcon", "olmo2")) {
        add(p + "ffn_norm.weight", TensorRole.SMALL, layer, h, 1, 1);
      }
      if (a.isMoeLayer(layer)) {
        experts(p, layer);
      } else {
        denseFfn(p, layer, a.ffnSize());
      }
      if (is("gemma2", "gemma3", "olmo2")) {
        add(p + "post_ffw_norm.weight", TensorRole.SMALL, layer, h, 1, 1);
      }
    }

    private void attention(String p, int layer) {
      long h = a.hiddenSize();
      long q = (long) a.attentionHeads() * a.headDimK();
      long k = (long) a.kvHeads() * a.headDimK();
      long v = (long) a.kvHeads() * a.headDimV();
      long o = (long) a.attentionHeads() * a.headDimV();
      LatentAttention mla = a.mla();
      if (mla != null) {
        long qHead = (long) mla.nopeHeadDim() + mla.ropeHeadDim();
        if (mla.qLoraRank() > 0) {
          add(p + "attn_q_a.weight", TensorRole.ATTN_LATENT, layer, h, mla.qLoraRank(), 1);
          add(p + "attn_q_a_norm.weight", TensorRole.SMALL, layer, mla.qLoraRank(), 1, 1);
          add(p + "attn_q_b.weight", TensorRole.ATTN_LATENT, layer, mla.qLoraRank(), a.attentionHeads() * qHead, 1);
        } else {
          add(p + "attn_q.weight", TensorRole.ATTN_Q, layer, h, a.attentionHeads() * qHead, 1);
        }
        add(p + "attn_kv_a_mqa.weight", TensorRole.ATTN_LATENT, layer, h, mla.cachedElementsPerToken(), 1);
        add(p + "attn_kv_a_norm.weight", TensorRole.SMALL, layer, mla.kvLoraRank(), 1, 1);
        // Converters since llama.cpp PR #12801 (April 2025) split attn_kv_b into per-head K and V absorptions.
        add(p + "attn_k_b.weight", TensorRole.ATTN_LATENT, layer, mla.nopeHeadDim(), mla.kvLoraRank(),
            a.attentionHeads());
        add(p + "attn_v_b.weight", TensorRole.ATTN_LATENT, layer, mla.kvLoraRank(), mla.vHeadDim(),
            a.attentionHeads());
        add(p + "attn_output.weight", TensorRole.ATTN_OUTPUT, layer, (long) a.attentionHeads() * mla.vHeadDim(), h, 1);
        return;
      }
      if (is("phi3", "falcon")) {
        add(p + "attn_qkv.weight", TensorRole.ATTN_QKV, layer, h, q + k + v, 1);
      } else {
        add(p + "attn_q.weight", TensorRole.ATTN_Q, layer, h, q, 1);
        add(p + "attn_k.weight", TensorRole.ATTN_K, layer, h, k, 1);
        add(p + "attn_v.weight", TensorRole.ATTN_V, layer, h, v, 1);
      }
      // GLM-4.5's attention_bias: llama.cpp's glm4moe loads q/k/v biases (src/models/glm4-moe.cpp).
      if (is("qwen2", "qwen2moe", "qwen2vl", "gpt-oss", "glm4moe")) {
        add(p + "attn_q.bias", TensorRole.SMALL, layer, q, 1, 1);
        add(p + "attn_k.bias", TensorRole.SMALL, layer, k, 1, 1);
        add(p + "attn_v.bias", TensorRole.SMALL, layer, v, 1, 1);
      }
      if (is("olmo2")) {
        add(p + "attn_q_norm.weight", TensorRole.SMALL, layer, q, 1, 1);
        add(p + "attn_k_norm.weight", TensorRole.SMALL, layer, k, 1, 1);
      } else if (alwaysNormsQk(arch) || a.qkNorm()) {
        add(p + "attn_q_norm.weight", TensorRole.SMALL, layer, a.headDimK(), 1, 1);
        add(p + "attn_k_norm.weight", TensorRole.SMALL, layer, a.headDimK(), 1, 1);
      }
      add(p + "attn_output.weight", TensorRole.ATTN_OUTPUT, layer, o, h, 1);
      if (is("gpt-oss")) {
        add(p + "attn_output.bias", TensorRole.SMALL, layer, h, 1, 1);
        add(p + "attn_sinks.weight", TensorRole.SMALL, layer, a.attentionHeads(), 1, 1);
      }
    }

    /**
     * What a multi-token-prediction layer adds to an ordinary layer: a projection of the normed embedding and
     * hidden state ({@code 2h → h}), their norms, and its own copies of the token embeddings and output head, which
     * the converter keeps ({@code Glm4MoeModel} in {@code convert_hf_to_gguf.py}).
     */
    private void nextn(String p, int layer) {
      long h = a.hiddenSize();
      add(p + "nextn.eh_proj.weight", TensorRole.NEXTN, layer, 2 * h, h, 1);
      add(p + "nextn.embed_tokens.weight", TensorRole.NEXTN, layer, h, a.vocabSize(), 1);
      add(p + "nextn.enorm.weight", TensorRole.SMALL, layer, h, 1, 1);
      add(p + "nextn.hnorm.weight", TensorRole.SMALL, layer, h, 1, 1);
      add(p + "nextn.shared_head_head.weight", TensorRole.NEXTN, layer, h, a.vocabSize(), 1);
      add(p + "nextn.shared_head_norm.weight", TensorRole.SMALL, layer, h, 1, 1);
    }

    /**
     * A recurrent / linear-attention mixer. Its exact layout differs per family (Mamba, RWKV, Gated DeltaNet);
     * without one, the attention projections are a close stand-in for the weights and the state is counted in
     * the KV cache.
     */
    private void recurrentMixer(String p, int layer) {
      long h = a.hiddenSize();
      long q = (long) a.attentionHeads() * a.headDimK();
      add(p + "ssm_in.weight", TensorRole.ATTN_QKV, layer, h, 2 * q + 2L * a.kvHeads() * a.headDimK(), 1);
      add(p + "ssm_out.weight", TensorRole.ATTN_OUTPUT, layer, q, h, 1);
    }

    private void denseFfn(String p, int layer, long ffn) {
      long h = a.hiddenSize();
      if (is("phi3")) {
        add(p + "ffn_up.weight", TensorRole.FFN_UP, layer, h, 2 * ffn, 1);
      } else if (is("falcon")) {
        add(p + "ffn_up.weight", TensorRole.FFN_UP, layer, h, ffn, 1);
      } else {
        add(p + "ffn_gate.weight", TensorRole.FFN_GATE, layer, h, ffn, 1);
        add(p + "ffn_up.weight", TensorRole.FFN_UP, layer, h, ffn, 1);
      }
      add(p + "ffn_down.weight", TensorRole.FFN_DOWN, layer, ffn, h, 1);
    }

    private void experts(String p, int layer) {
      MixtureOfExperts moe = a.moe();
      long h = a.hiddenSize();
      long e = moe.experts();
      long fe = moe.expertFfnSize();
      add(p + "ffn_gate_inp.weight", TensorRole.SMALL, layer, h, e, 1);
      if (is("gpt-oss")) {
        add(p + "ffn_gate_inp.bias", TensorRole.SMALL, layer, e, 1, 1);
      }
      if (moe.expertScoreBias()) {
        // The converter renames e_score_correction_bias to e_score_correction.bias, which gguf-py's tensor map
        // writes as exp_probs_b.bias; llama.cpp loads it as {n_expert} (src/models/deepseek2.cpp, glm4-moe.cpp).
        add(p + "exp_probs_b.bias", TensorRole.SMALL, layer, e, 1, 1);
      }
      addExperts(p + "ffn_gate_exps.weight", TensorRole.FFN_GATE, layer, h, fe, e);
      addExperts(p + "ffn_up_exps.weight", TensorRole.FFN_UP, layer, h, fe, e);
      addExperts(p + "ffn_down_exps.weight", TensorRole.FFN_DOWN, layer, fe, h, e);
      if (is("gpt-oss")) {
        addExperts(p + "ffn_gate_exps.bias", TensorRole.SMALL, layer, fe, e, 1);
        addExperts(p + "ffn_up_exps.bias", TensorRole.SMALL, layer, fe, e, 1);
        addExperts(p + "ffn_down_exps.bias", TensorRole.SMALL, layer, h, e, 1);
      }
      if (moe.sharedExperts() > 0) {
        long fs = moe.sharedExpertFfnSize();
        if (is("qwen2moe")) {
          add(p + "ffn_gate_inp_shexp.weight", TensorRole.SMALL, layer, h, 1, 1);
        }
        add(p + "ffn_gate_shexp.weight", TensorRole.FFN_GATE, layer, h, fs, 1);
        add(p + "ffn_up_shexp.weight", TensorRole.FFN_UP, layer, h, fs, 1);
        add(p + "ffn_down_shexp.weight", TensorRole.FFN_DOWN, layer, fs, h, 1);
      }
    }

    private void addExperts(String name, TensorRole role, int layer, long ne0, long ne1, long experts) {
      TensorSpec t = new TensorSpec(name, role, layer, ne0, ne1, experts, true, layer < a.layers());
      out.add(t);
      if (t.loaded()) {
        inactive += a.moe().unusedShare(t.elements());
      }
    }

    private void add(String name, TensorRole role, int layer, long ne0, long ne1, long ne2) {
      // Global tensors have layer -1; every layer past the trunk is a NextN layer, which llama.cpp skips.
      out.add(new TensorSpec(name, role, layer, ne0, ne1, ne2, false, layer < a.layers()));
    }

    private boolean is(String... names) {
      for (String n : names) {
        if (arch.equals(n)) {
          return true;
        }
      }
      return false;
    }
  }
}
