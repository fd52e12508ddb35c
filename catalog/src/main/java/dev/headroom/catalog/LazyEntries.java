package dev.headroom.catalog;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An unmodifiable list of catalog entries, each built from its row on first use. The ids are known at once (the
 * catalog checks them unique and finds entries by id); parsing and validating the rest of a row, and building its
 * model or device, wait until the entry is first asked for. Loading the bundled catalog then costs
 * little more than reading its files, where building every entry in a fresh JVM, interpreted, cost most of it. The
 * names an entry is found by are read from its row too, so that the catalog's name index builds no entry.
 *
 * <p>Thread-safe: entries are built under the list's lock, and once all are built, read without it.
 *
 * @param <T> the entry type
 */
final class LazyEntries<T> extends AbstractList<T> implements RandomAccess {
  /**
   * An entry not built yet: its id, how to build it, and the names it is found by, read from its row without
   * building it.
   *
   * @param <T> the entry type
   */
  abstract static class Pending<T> {
    final String id;

    Pending(String id) {
      this.id = id;
    }

    /**
     * Builds the entry, which has this id.
     *
     * @param entries the list it belongs to, for an entry built on another one (a multi-GPU system on its GPU)
     * @throws IllegalArgumentException naming the file and line when the row is malformed
     */
    abstract T build(LazyEntries<T> entries);

    /** The built entry's aliases, read from the row. */
    abstract List<String> aliases();

    /**
     * The names the catalog finds the built entry by ({@link Catalog#modelNames}, {@link Catalog#deviceNames}).
     *
     * @param aliases this entry's {@link #aliases()}, already read
     * @throws IllegalArgumentException naming the file and line when a field they come from is malformed
     */
    abstract List<String> names(List<String> aliases);
  }

  private final List<? extends Pending<T>> pending;
  private final Object[] built;
  private int builtCount;
  /** Set, after the last entry is stored, so that readers skip the lock from then on. */
  private volatile boolean complete;

  LazyEntries(List<? extends Pending<T>> pending) {
    this.pending = pending;
    this.built = new Object[pending.size()];
    this.complete = built.length == 0;
  }

  /** Every entry's id, in order. */
  List<String> ids() {
    List<String> ids = new ArrayList<>(pending.size());
    for (Pending<T> p : pending) {
      ids.add(p.id);
    }
    return ids;
  }

  /** Every entry's aliases, in order, without building the entries; under the lock, as building reads the rows. */
  synchronized List<List<String>> aliases() {
    List<List<String>> aliases = new ArrayList<>(pending.size());
    for (Pending<T> p : pending) {
      aliases.add(p.aliases());
    }
    return aliases;
  }

  /**
   * Every entry's names ({@link Pending#names}), in order, without building the entries; under the lock.
   *
   * @param aliases every entry's {@link #aliases()}
   */
  synchronized List<List<String>> names(List<List<String>> aliases) {
    List<List<String>> names = new ArrayList<>(pending.size());
    for (int i = 0; i < pending.size(); i++) {
      names.add(pending.get(i).names(aliases.get(i)));
    }
    return names;
  }

  @Override
  public int size() {
    return built.length;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get(int index) {
    return complete ? (T) built[index] : buildOnce(index);
  }

  @SuppressWarnings("unchecked")
  private synchronized T buildOnce(int index) {
    Objects.checkIndex(index, built.length);
    Object entry = built[index];
    if (entry == null) {
      entry = pending.get(index).build(this);
      built[index] = entry;
      if (++builtCount == built.length) {
        complete = true;
      }
    }
    return (T) entry;
  }
}
