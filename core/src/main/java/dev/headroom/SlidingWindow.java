package dev.headroom;

import java.util.Map;
import java.util.OptionalInt;

/**
 * Sliding-window attention: some layers attend only to the last {@link #window()} tokens, so their KV cache stops
 * growing there.
 *
 * <p>{@link #pattern()} follows llama.cpp: with pattern {@code n ≥ 2}, in every group of {@code n} layers the
 * first {@code n − 1} slide and the last attends to the full context (Gemma 2 and gpt-oss: 2, Gemma 3: 6); with
 * pattern 0 every layer slides (Mistral 7B v0.1).
 *
 * <p>Only some of llama.cpp's architectures keep a sliding-window cache; {@link #llamaCppPattern(String)} says
 * which, with their default pattern. Others (Mistral 7B v0.1 runs as {@code llama}) cache the full context even when
 * the model was trained with a window.
 *
 * <pre>{@code
 * SlidingWindow gemma3 = new SlidingWindow(1024, 6);
 * boolean local = gemma3.isSliding(0);    // true
 * boolean global = gemma3.isSliding(5);   // false
 * OptionalInt pattern = SlidingWindow.llamaCppPattern("gemma2");   // 2
 * }</pre>
 *
 * @param window tokens each sliding layer attends to, at least 1
 * @param pattern 0 (every layer slides) or 2 and more
 */
public record SlidingWindow(int window, int pattern) {
  /** llama.cpp's architectures with a sliding-window cache, and their default pattern (llama-model.cpp). */
  private static final Map<String, Integer> LLAMA_CPP_PATTERNS = Map.of("gemma2", 2, "gemma3", 6, "gpt-oss", 2,
      "cohere2", 4);

  /**
   * Validates every component.
   *
   * @param window tokens each sliding layer attends to, at least 1
   * @param pattern 0 (every layer slides) or 2 and more
   */
  public SlidingWindow {
    Checks.requireInRange(window, 1, 1 << 24, "window", "tokens");
    if (pattern == 1 || pattern < 0 || pattern > 1024) {
      throw new IllegalArgumentException("pattern must be 0 (every layer slides) or in [2, 1024] but was " + pattern);
    }
  }

  /**
   * Whether layer {@code layer} (0-based) uses the sliding window.
   *
   * @param layer the 0-based layer index
   * @return true if that layer caches only the last {@link #window()} tokens
   */
  public boolean isSliding(int layer) {
    return pattern == 0 || layer % pattern < pattern - 1;
  }

  /**
   * The default sliding-window pattern of a llama.cpp architecture that keeps a sliding-window cache.
   *
   * @param arch the llama.cpp architecture name ({@code general.architecture}), not null
   * @return the pattern, or empty when llama.cpp caches the full context on every layer of {@code arch}
   */
  public static OptionalInt llamaCppPattern(String arch) {
    Checks.requireNonNull(arch, "arch");
    Integer pattern = LLAMA_CPP_PATTERNS.get(arch);
    return pattern == null ? OptionalInt.empty() : OptionalInt.of(pattern);
  }
}
