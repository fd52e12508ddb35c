/**
 * Headroom catalog: bundled, sourced data (models, discrete GPUs, unified-memory devices, multi-GPU systems) and
 * compatibility queries over it. Depends on Headroom core only.
 */
module dev.headroom.catalog {
  requires transitive dev.headroom;
  requires static org.jspecify;

  exports dev.headroom.catalog;
}
