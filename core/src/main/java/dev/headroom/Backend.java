package dev.headroom;

/**
 * The device backend llama.cpp runs on. It decides where the buffers live and which fixed costs apply.
 *
 * <pre>{@code
 * Backend b = Backend.parse("cuda");   // CUDA
 * }</pre>
 */
public enum Backend {
  /** The CPU backend: everything in system memory; x86 repacks some weight types into an extra buffer. */
  CPU,
  /** NVIDIA CUDA. */
  CUDA,
  /** Apple Metal (unified memory). */
  METAL,
  /** Vulkan. */
  VULKAN,
  /** AMD ROCm/HIP. */
  ROCM;

  /**
   * Whether the backend is a GPU that layers are offloaded to.
   *
   * @return true for CUDA, Metal, Vulkan and ROCm, false for the CPU
   */
  public boolean isGpu() {
    return this != CPU;
  }

  /**
   * Reads a backend name, ignoring case ({@code cpu}, {@code cuda}, {@code metal}, {@code vulkan}, {@code rocm}).
   *
   * @param text the name, not null
   * @return the backend of that name
   * @throws IllegalArgumentException listing the accepted names if none matches
   */
  public static Backend parse(String text) {
    Checks.requireNonNull(text, "text");
    for (Backend b : values()) {
      if (b.name().equalsIgnoreCase(text.strip())) {
        return b;
      }
    }
    throw new IllegalArgumentException("'" + text
        + "' is not a backend; expected one of cpu, cuda, metal, vulkan, rocm");
  }
}
