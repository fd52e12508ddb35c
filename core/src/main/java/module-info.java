/**
 * Headroom core: the value types ({@link dev.headroom.Bytes}, {@link dev.headroom.Quantization},
 * {@link dev.headroom.ModelSpec}, {@link dev.headroom.Hardware}) and the formulas behind
 * {@link dev.headroom.Estimator}. No runtime dependency; jspecify annotations are compile-time only.
 */
module dev.headroom {
  requires static org.jspecify;

  exports dev.headroom;
}
