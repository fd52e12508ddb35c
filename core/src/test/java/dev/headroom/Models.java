package dev.headroom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Shared jqwik generators of valid models. Bounds: 1–64 layers, 1–32 KV heads with a GQA ratio of 1–8, head size
 * 64/80/128/256, FFN 64–16,384 wide, vocabularies 256–262,144; a third are MoE (4–64 experts), a third use a
 * sliding window.
 */
final class Models {
  private Models() {}

  static Arbitrary<ModelSpec> models() {
    Arbitrary<Integer> layers = Arbitraries.integers().between(1, 64);
    Arbitrary<Integer> kvHeads = Arbitraries.integers().between(1, 32);
    Arbitrary<Integer> gqa = Arbitraries.of(1, 2, 4, 8);
    Arbitrary<Integer> headDim = Arbitraries.of(64, 80, 128, 256);
    Arbitrary<Integer> ffn = Arbitraries.integers().between(1, 256).map(n -> n * 64);
    Arbitrary<Integer> vocab = Arbitraries.integers().between(256, 262_144);
    Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
    return Combinators.combine(layers, kvHeads, gqa, headDim, ffn, vocab, kind, Arbitraries.of(true, false))
        .as((l, kv, g, hd, f, v, k, tied) -> {
          int heads = kv * g;
          ModelSpec.Builder b = ModelSpec.builder("generated").arch(k == 0 ? "qwen2" : k == 1 ? "qwen3moe" : "gemma2")
              .layers(l).hiddenSize(Math.min(heads * hd, 16_384)).heads(heads, kv).headDim(hd).ffnSize(f)
              .vocabSize(v).tiedEmbeddings(tied).contextLength(131_072);
          if (k == 1) {
            b.moe(new MixtureOfExperts(4 + f % 61, 2, 0, f, 0, 0));
          } else if (k == 2) {
            b.slidingWindow(new SlidingWindow(512 + f, 2));
          }
          return b.build();
        });
  }

  static Arbitrary<Integer> contexts() {
    return Arbitraries.integers().between(1, 1 << 20);
  }
}
