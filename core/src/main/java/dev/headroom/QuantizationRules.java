package dev.headroom;

import java.util.List;

/**
 * llama-quantize's choice of a ggml type for each tensor of a file type: the default type of the file type, raised
 * or lowered per tensor ({@code llama_tensor_get_type} in {@code src/llama-quant.cpp}, as of the 2024–2025 code
 * most published GGUF files were made with, {@code 8784689}), then a fallback when a row does not hold a whole
 * number of blocks. An importance matrix is assumed, as the common publishers (bartowski, unsloth, mradermacher)
 * use one; it changes a few IQ3_XXS, IQ4 and legacy-quant choices.
 */
final class QuantizationRules {
  private QuantizationRules() {}

  /** The type of every tensor in {@code tensors}, in order. */
  static GgmlType[] assign(List<TensorSpec> tensors, Architecture a, LlamaFileType ft) {
    GgmlType[] types = new GgmlType[tensors.size()];
    int attnVCount = 0;
    for (TensorSpec t : tensors) {
      if (t.role() == TensorRole.ATTN_V || t.role() == TensorRole.ATTN_QKV) {
        attnVCount++;
      }
    }
    Counters c = new Counters(attnVCount, a);
    for (int i = 0; i < types.length; i++) {
      types[i] = typeOf(tensors.get(i), ft, c);
    }
    return types;
  }

  /** Running per-kind counters, as llama-quantize keeps them while it walks the tensors in file order. */
  private static final class Counters {
    final int attnV;
    final Architecture a;
    final int gqa;
    final int experts;
    int iAttnV;
    int iFfnDown;

    Counters(int attnV, Architecture a) {
      this.attnV = attnV;
      this.a = a;
      this.gqa = a.attentionHeads() / a.kvHeads();
      this.experts = a.moe() == null ? 0 : a.moe().experts();
    }
  }

  private static GgmlType typeOf(TensorSpec t, LlamaFileType ft, Counters c) {
    if (!t.role().quantizable || t.ne1() * t.ne2() == 1) {
      return GgmlType.F32;
    }
    if (t.routedExperts() && t.ne2() > 1 && c.a.arch().equals("gpt-oss")) {
      // gpt-oss ships its experts in MXFP4 and every published GGUF keeps them so, whatever the file type
      // (ggml-org's MXFP4 file and bartowski's Q2_K…Q8_0 files of gpt-oss-20b are all 11.5–12.1 GB); a row that
      // is not whole 32-element blocks cannot be MXFP4 and falls back like any other.
      return fallback(GgmlType.MXFP4, t.ne0());
    }
    if (!ft.defaultType.isQuantized()) {
      return ft.defaultType;
    }
    GgmlType chosen = mix(t, ft, c);
    return fallback(chosen, t.ne0());
  }

  private static GgmlType mix(TensorSpec t, LlamaFileType ft, Counters c) {
    GgmlType def = ft.defaultType;
    boolean falcon = c.a.arch().equals("falcon");
    // llama-quantize counts every block the file holds, NextN layers included (n_layer_all).
    int layers = c.a.blockCount();
    TensorRole role = t.role();
    if (role == TensorRole.OUTPUT || (role == TensorRole.TOKEN_EMBEDDING && c.a.tiedEmbeddings())) {
      if (ft == LlamaFileType.MXFP4_MOE || falcon || !def.fitsRow(t.ne0())) {
        return GgmlType.Q8_0;
      }
      if (isVeryLowBit(ft) || ft == LlamaFileType.IQ3_XXS) {
        return GgmlType.Q5_K;
      }
      return def == GgmlType.Q8_0 ? GgmlType.Q8_0 : GgmlType.Q6_K;
    }
    if (role == TensorRole.TOKEN_EMBEDDING) {
      switch (ft) {
        case IQ2_XXS: case IQ2_XS: case IQ1_S: case IQ1_M: return GgmlType.Q2_K;
        case IQ2_S: case IQ2_M: case IQ3_XXS: return GgmlType.IQ3_S;
        case TQ1_0: case TQ2_0: return GgmlType.Q4_K;
        default: return ft == LlamaFileType.MXFP4_MOE ? GgmlType.Q8_0 : def;
      }
    }
    if (ft == LlamaFileType.MXFP4_MOE) {
      return t.routedExperts() && t.ne2() > 1 ? GgmlType.MXFP4 : GgmlType.Q8_0;
    }
    boolean attnVLike = role == TensorRole.ATTN_V;
    if (isVeryLowBit(ft)) {
      boolean iq2sm = ft == LlamaFileType.IQ2_S || ft == LlamaFileType.IQ2_M;
      if (attnVLike) {
        c.iAttnV++;
        return c.gqa >= 4 || c.experts >= 4 ? GgmlType.Q4_K : iq2sm ? GgmlType.IQ3_S : GgmlType.Q2_K;
      }
      if (role == TensorRole.ATTN_QKV) {
        c.iAttnV++;
        return def;
      }
      if (role == TensorRole.ATTN_K && c.experts == 8) {
        return GgmlType.Q4_K;
      }
      if (role == TensorRole.FFN_DOWN) {
        boolean early = c.iFfnDown++ < layers / 8;
        return early ? (iq2sm ? GgmlType.IQ3_S : GgmlType.Q2_K) : def;
      }
      if (role == TensorRole.ATTN_OUTPUT) {
        if (c.experts == 8) {
          return GgmlType.Q5_K;
        }
        if (ft == LlamaFileType.IQ1_S || ft == LlamaFileType.IQ1_M) {
          return GgmlType.IQ2_XXS;
        }
        return iq2sm ? GgmlType.IQ3_S : def;
      }
      return def;
    }
    if (attnVLike) {
      return attnV(ft, def, c, c.iAttnV++);
    }
    if (role == TensorRole.ATTN_QKV) {
      c.iAttnV++;
      return attnQkv(ft, def);
    }
    if (role == TensorRole.ATTN_K) {
      if (c.experts == 8) {
        return GgmlType.Q8_0;
      }
      return ft == LlamaFileType.IQ3_XS ? GgmlType.IQ3_XXS : ft == LlamaFileType.IQ3_XXS ? GgmlType.IQ2_S : def;
    }
    if (role == TensorRole.ATTN_Q) {
      return ft == LlamaFileType.IQ3_XS ? GgmlType.IQ3_XXS : ft == LlamaFileType.IQ3_XXS ? GgmlType.IQ2_S : def;
    }
    if (role == TensorRole.FFN_DOWN) {
      int i = t.routedExperts() || c.experts > 0 ? t.layer() : c.iFfnDown;
      c.iFfnDown++;
      return ffnDown(ft, def, i, layers, c, falcon);
    }
    if (role == TensorRole.ATTN_OUTPUT) {
      return attnOutput(ft, def, c, falcon);
    }
    if ((role == TensorRole.FFN_GATE || role == TensorRole.FFN_UP) && ft == LlamaFileType.IQ3_XS) {
      int i = t.layer();
      return i >= layers / 8 && i < 7 * layers / 8 ? GgmlType.IQ3_XXS : def;
    }
    return def;
  }

  private static GgmlType attnV(LlamaFileType ft, GgmlType def, Counters c, int i) {
    int n = c.attnV;
    GgmlType type = def;
    switch (ft) {
      case Q2_K: type = c.gqa >= 4 ? GgmlType.Q4_K : GgmlType.Q3_K; break;
      case Q2_K_S: if (c.gqa >= 4) { type = GgmlType.Q4_K; } break;
      case IQ3_XXS: type = c.gqa >= 4 ? GgmlType.Q4_K : GgmlType.IQ3_XXS; break;
      case IQ3_XS: case IQ3_S: if (c.gqa >= 4) { type = GgmlType.Q4_K; } break;
      case IQ3_M: type = GgmlType.Q4_K; break;
      case Q3_K_M: type = i < 2 ? GgmlType.Q5_K : GgmlType.Q4_K; break;
      case Q3_K_L: type = GgmlType.Q5_K; break;
      case IQ4_NL: case IQ4_XS: if (c.gqa >= 4) { type = GgmlType.Q5_K; } break;
      case Q4_K_M: case Q5_K_M: if (useMoreBits(i, n)) { type = GgmlType.Q6_K; } break;
      case Q4_K_S: if (i < 4) { type = GgmlType.Q5_K; } break;
      default: break;
    }
    if (isLlama70B(c.a) && (type == GgmlType.Q3_K || type == GgmlType.Q4_K)) {
      type = GgmlType.Q5_K;
    }
    return c.experts == 8 ? GgmlType.Q8_0 : type;
  }

  private static GgmlType attnQkv(LlamaFileType ft, GgmlType def) {
    switch (ft) {
      case Q3_K_M: case Q3_K_L: case IQ3_M: return GgmlType.Q4_K;
      case Q4_K_M: return GgmlType.Q5_K;
      case Q5_K_M: return GgmlType.Q6_K;
      default: return def;
    }
  }

  private static GgmlType ffnDown(LlamaFileType ft, GgmlType def, int i, int n, Counters c, boolean falcon) {
    switch (ft) {
      case Q2_K: return GgmlType.Q3_K;
      case Q2_K_S: return i < n / 8 ? GgmlType.Q4_K : def;
      case Q3_K_M:
        if (i < n / 16) {
          return GgmlType.Q5_K;
        }
        return !falcon || useMoreBits(i, n) ? GgmlType.Q4_K : GgmlType.Q3_K;
      case IQ3_M: return i < n / 8 || (c.experts == 8 && useMoreBits(i, n)) ? GgmlType.Q4_K : def;
      case Q3_K_L: return falcon ? GgmlType.Q4_K : GgmlType.Q5_K;
      case Q4_K_M:
        if (falcon) {
          return i < n / 16 ? GgmlType.Q6_K : useMoreBits(i, n) ? GgmlType.Q5_K : GgmlType.Q4_K;
        }
        return useMoreBits(i, n) ? GgmlType.Q6_K : def;
      case Q5_K_M: return useMoreBits(i, n) ? GgmlType.Q6_K : def;
      case Q4_K_S: return !falcon && i < n / 8 ? GgmlType.Q5_K : def;
      case Q4_0: return i < n / 8 ? GgmlType.Q4_1 : def;
      case Q5_0: return i < n / 8 ? GgmlType.Q5_1 : def;
      default: return def;
    }
  }

  private static GgmlType attnOutput(LlamaFileType ft, GgmlType def, Counters c, boolean falcon) {
    if (falcon) {
      return ft == LlamaFileType.Q3_K_L ? GgmlType.Q4_K : def;
    }
    if (c.experts == 8) {
      switch (ft) {
        case Q2_K: case IQ3_XS: case IQ3_XXS: case Q3_K_S: case Q3_K_M: case IQ4_NL: case Q4_K_S: case Q4_K_M:
        case IQ3_S: case IQ3_M: case IQ4_XS:
          return GgmlType.Q5_K;
        default:
          return def;
      }
    }
    switch (ft) {
      case Q2_K: return GgmlType.Q3_K;
      case IQ3_XXS: return GgmlType.IQ3_S;
      case Q3_K_M: case IQ3_M: return GgmlType.Q4_K;
      case Q3_K_L: return GgmlType.Q5_K;
      default: return def;
    }
  }

  /** The first eighth of the layers, the last eighth, and every third layer in between. */
  static boolean useMoreBits(int i, int n) {
    return i < n / 8 || i >= 7 * n / 8 || (i - n / 8) % 3 == 2;
  }

  private static boolean isVeryLowBit(LlamaFileType ft) {
    switch (ft) {
      case IQ2_XXS: case IQ2_XS: case IQ2_S: case IQ2_M: case IQ1_S: case IQ1_M: return true;
      default: return false;
    }
  }

  /**
   * llama.cpp's {@code LLM_TYPE_70B} ({@code llama_model::load_hparams}): an 80-layer LLaMA-architecture model with
   * grouped-query attention, or an 80-layer Qwen2 (Qwen2/2.5-72B).
   */
  private static boolean isLlama70B(Architecture a) {
    return a.layers() == 80 && (a.arch().equals("llama") && a.attentionHeads() != a.kvHeads()
        || a.arch().equals("qwen2"));
  }

  /** The type used when {@code chosen} cannot hold a row of {@code rowLength} elements in whole blocks. */
  static GgmlType fallback(GgmlType chosen, long rowLength) {
    if (chosen.fitsRow(rowLength)) {
      return chosen;
    }
    GgmlType next;
    switch (chosen) {
      case IQ1_S: case IQ1_M: case IQ2_XXS: case IQ2_XS: case IQ2_S: case IQ3_XXS: case IQ3_S: case IQ4_XS:
      case Q2_K: case Q3_K:
        next = GgmlType.IQ4_NL;
        break;
      case TQ1_0: case TQ2_0: next = GgmlType.Q4_0; break;
      case Q4_K: next = GgmlType.Q5_0; break;
      case Q5_K: next = GgmlType.Q5_1; break;
      case Q6_K: next = GgmlType.Q8_0; break;
      default: next = GgmlType.F16; break;
    }
    return next.fitsRow(rowLength) ? next : GgmlType.F16;
  }
}
