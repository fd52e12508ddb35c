/**
 * Will this open-weight LLM run on this hardware, at which quantization, with how much context, and how fast?
 *
 * <p>The entry point is {@link dev.headroom.Estimator}:
 *
 * <pre>{@code
 * MemoryEstimate m = Estimator.of(model).quant(Q4_K_M).context(131072).vram();
 * }</pre>
 *
 * <p>The value types are immutable and validated at construction: {@link dev.headroom.Bytes} (exact byte
 * counts, with decimal GB and binary GiB kept apart), {@link dev.headroom.Quantization} (every llama.cpp file
 * type and the common non-GGUF formats), {@link dev.headroom.ModelSpec} (what memory depends on) and
 * {@link dev.headroom.Hardware} (GPUs, unified-memory devices, CPUs, and N identical GPUs).
 *
 * <p>Naming follows {@code java.time}: {@code of} builds from parts, {@code parse} reads text, {@code with}
 * is the immutable setter, {@code to} converts. Bad input raises {@link java.lang.IllegalArgumentException}
 * (or {@link java.lang.NullPointerException} naming the parameter) with a message that names the value and
 * what is allowed; overflow raises {@link java.lang.ArithmeticException}.
 */
@NullMarked
package dev.headroom;

import org.jspecify.annotations.NullMarked;
