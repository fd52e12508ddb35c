/**
 * The bundled catalog of models and hardware, and the questions it answers.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.builtIn();
 * ModelEntry r1 = catalog.model("deepseek-r1-distill-qwen-1.5b");
 * HardwareEntry gpu = catalog.device("rtx 4090");
 * Compatibility all = catalog.compatibility(Estimator.of(r1.spec()).quant(Quantization.Q4_K_M));
 * int gpus = all.fittingGpus().size();
 * }</pre>
 *
 * <p>The data lives in human-editable CSV files next to this package ({@code models.csv}, {@code gpus.csv},
 * {@code unified.csv}, {@code systems.csv}), one row per entry, each row with its sources; the source keys are
 * explained in the {@code *-SOURCES.md} files beside them.
 */
@NullMarked
package dev.headroom.catalog;

import org.jspecify.annotations.NullMarked;
