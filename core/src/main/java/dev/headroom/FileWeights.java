package dev.headroom;

/**
 * The weights of one GGUF file as read from it, rather than predicted: what its tensors take (each padded to the
 * file's alignment), what one token reads (all but the unused routed experts, and one row of untied token
 * embeddings), what llama.cpp's CPU backend would repack into an extra buffer, and the file's size.
 * {@link Estimator#fileWeights(FileWeights)} makes an estimate use them; the catalog's GGUF reader produces them.
 *
 * <pre>{@code
 * FileWeights w = new FileWeights(Bytes.ofBytes(1_111_370_240L), Bytes.ofBytes(1_111_370_240L),
 *     Bytes.ofBytes(625_508_352L), Bytes.ofBytes(1_117_320_576L));
 * MemoryEstimate m = Estimator.of(model).fileWeights(w).vram();
 * }</pre>
 *
 * @param tensorBytes the tensor data, as loaded
 * @param activeBytes the tensor data one token reads, at most {@code tensorBytes}
 * @param cpuRepackBytes the weights the CPU backend repacks when every layer runs on the CPU, at most
 *     {@code tensorBytes}
 * @param fileBytes the file's size (all parts of a split file together)
 */
public record FileWeights(Bytes tensorBytes, Bytes activeBytes, Bytes cpuRepackBytes, Bytes fileBytes) {

  /**
   * Validates the components.
   *
   * @param tensorBytes the tensor data, as loaded
   * @param activeBytes the tensor data one token reads, at most {@code tensorBytes}
   * @param cpuRepackBytes the weights the CPU backend repacks when every layer runs on the CPU, at most {@code
   *     tensorBytes}
   * @param fileBytes the file's size (all parts of a split file together)
   * @throws IllegalArgumentException when {@code activeBytes} or {@code cpuRepackBytes} is more than
   *     {@code tensorBytes}
   * @throws ArithmeticException when {@code tensorBytes + cpuRepackBytes} is more than a {@code long} of bytes
   */
  public FileWeights {
    Checks.requireNonNull(tensorBytes, "tensorBytes");
    Checks.requireNonNull(activeBytes, "activeBytes");
    Checks.requireNonNull(cpuRepackBytes, "cpuRepackBytes");
    Checks.requireNonNull(fileBytes, "fileBytes");
    if (activeBytes.isGreaterThan(tensorBytes) || cpuRepackBytes.isGreaterThan(tensorBytes)) {
      throw new IllegalArgumentException("activeBytes (" + activeBytes + ") and cpuRepackBytes (" + cpuRepackBytes
          + ") must be at most tensorBytes (" + tensorBytes + ")");
    }
    // The weights as loaded are the tensors plus the repacked copies: their sum must fit in a long.
    Bytes.sum(tensorBytes.bytes(), cpuRepackBytes.bytes());
  }
}
