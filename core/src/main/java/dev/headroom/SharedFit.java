package dev.headroom;

import java.util.List;
import java.util.Locale;

/**
 * Several models on one device at once, for example a chat model, an embedding model and a draft model for
 * speculative decoding: each model's memory, their sum and what is left. Each model is assumed to run in its own
 * llama.cpp process, so each carries its own buffers and runtime reserve.
 *
 * <pre>{@code
 * SharedFit all = SharedFit.of(rtx4090, List.of(Estimator.of(chat).context(32768), Estimator.of(draft)));
 * boolean ok = all.fits();
 * long left = all.headroomBytes();
 * }</pre>
 *
 * @param hardware the device
 * @param models each model's memory, in the order given
 * @param usableMemory what the device lets models occupy
 */
public record SharedFit(Hardware hardware, List<MemoryEstimate> models, Bytes usableMemory) {

  /**
   * Validates the components and copies the list.
   *
   * @param hardware the device
   * @param models each model's memory, in the order given
   * @param usableMemory what the device lets models occupy
   */
  public SharedFit {
    Checks.requireNonNull(hardware, "hardware");
    Checks.requireNonNull(models, "models");
    Checks.requireNonNull(usableMemory, "usableMemory");
    models = List.copyOf(models);
  }

  /**
   * The memory of every estimate on {@code hardware}.
   *
   * @param estimators one or more, none null
   * @param hardware the device the models share, not null
   * @return the models' memory on that device, together
   * @throws IllegalArgumentException when the list is empty
   */
  public static SharedFit of(Hardware hardware, List<Estimator> estimators) {
    Checks.requireNonNull(hardware, "hardware");
    Checks.requireNonNull(estimators, "estimators");
    if (estimators.isEmpty()) {
      throw new IllegalArgumentException("estimators must hold at least one model but was empty");
    }
    List<MemoryEstimate> memory = estimators.stream().map(e -> Checks.requireNonNull(e, "estimator").vram())
        .toList();
    return new SharedFit(hardware, memory, hardware.usableMemory());
  }

  /**
   * The memory of all models together.
   *
   * @return the sum of every model's total
   */
  public Bytes total() {
    Bytes sum = Bytes.ZERO;
    for (MemoryEstimate m : models) {
      sum = sum.plus(m.total());
    }
    return sum;
  }

  /**
   * Usable memory minus the total, in bytes; negative when they do not fit together.
   *
   * @return the headroom in bytes
   */
  public long headroomBytes() {
    return usableMemory.bytes() - total().bytes();
  }

  /**
   * Whether all the models fit at once.
   *
   * @return true if the total is at most the usable memory
   */
  public boolean fits() {
    return headroomBytes() >= 0;
  }

  /** For example {@code "3 models: 21.4 GB of 25.8 GB usable on NVIDIA GeForce RTX 4090, 4.4 GB left"}. */
  @Override
  public String toString() {
    long left = headroomBytes();
    return String.format(Locale.ROOT, "%d models: %s of %s usable on %s, %s %s", models.size(),
        total().format(ByteUnit.GB, 1), usableMemory.format(ByteUnit.GB, 1), hardware.name(),
        Bytes.ofBytes(Math.abs(left)).format(ByteUnit.GB, 1), left >= 0 ? "left" : "short");
  }
}
