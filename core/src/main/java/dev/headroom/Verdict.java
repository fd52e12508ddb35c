package dev.headroom;

/**
 * Whether a model fits a device, in tiers named after the seed page's ("Runs great — plenty of headroom").
 *
 * <p>The tier depends on the share of usable memory the estimate takes: up to 70 % runs great, up to 90 % runs
 * well, up to 100 % is a tight fit, beyond that it won't fit. The thresholds are a modelling assumption (room for
 * other programs, fragmentation and longer prompts), overridable with
 * {@link Estimator#verdictThresholds(double, double)}.
 *
 * <pre>{@code
 * Verdict v = Verdict.RUNS_GREAT;
 * String label = v.label();   // "Runs great — plenty of headroom"
 * }</pre>
 */
public enum Verdict {
  /** At most 70 % of usable memory. */
  RUNS_GREAT("Runs great", "plenty of headroom"),
  /** At most 90 %. */
  RUNS_WELL("Runs well", "comfortable fit"),
  /** At most 100 %. */
  TIGHT("Tight fit", "little headroom left"),
  /** More than the usable memory. */
  WONT_FIT("Won't fit", "not enough memory");

  private final String headline;
  private final String detail;

  Verdict(String headline, String detail) {
    this.headline = headline;
    this.detail = detail;
  }

  /**
   * The short form, for example {@code "Runs great"}.
   *
   * @return the headline
   */
  public String headline() {
    return headline;
  }

  /**
   * The full label, for example {@code "Runs great — plenty of headroom"}.
   *
   * @return the label
   */
  public String label() {
    return headline + " — " + detail;
  }

  /**
   * Whether the model fits at all.
   *
   * @return true for every verdict but {@link #WONT_FIT}
   */
  public boolean fits() {
    return this != WONT_FIT;
  }
}
