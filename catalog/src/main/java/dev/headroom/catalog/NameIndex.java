package dev.headroom.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Forgiving lookup by id, name or alias. Text is normalised to lower-case tokens split at spaces, punctuation and
 * letter/digit boundaries ("RTX4090" and "rtx 4090" are both {@code [rtx, 4090]}). A query matches a key when the
 * squashed forms are equal, or when the tokens of every word of the query appear next to each other in the key, the
 * words in any order ("m3 max 128gb" matches "Apple M3 Max (…) 128GB"; "qwen3" does not match "Qwen2.5 3B").
 * Among matches, the key with the fewest extra tokens wins ("rtx 4090" prefers "GeForce RTX 4090" over "GeForce RTX
 * 4090 D"), then catalog order.
 */
final class NameIndex<T> {
  private final List<T> items;
  private final List<List<Key>> keys;

  private record Key(String squashed, List<String> tokens) {

    /** Whether every word's tokens appear consecutively in this key. */
    boolean holds(List<List<String>> words) {
      for (List<String> word : words) {
        if (java.util.Collections.indexOfSubList(tokens, word) < 0) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * An index of {@code items}, an unmodifiable list, the i-th known by the i-th list of {@code names}. The list is
   * kept, not copied, and read only for the items a lookup returns: the bundled catalog builds an entry when it is
   * first read.
   */
  NameIndex(List<T> items, List<List<String>> names) {
    this.items = items;
    this.keys = new ArrayList<>(items.size());
    for (List<String> itemNames : names) {
      List<Key> k = new ArrayList<>(itemNames.size());
      for (String name : itemNames) {
        List<String> tokens = new ArrayList<>();
        k.add(new Key(scan(name, tokens), tokens));
      }
      keys.add(k);
    }
  }

  Optional<T> find(String query) {
    List<List<String>> words = words(query);
    int queryTokens = 0;
    for (List<String> word : words) {
      queryTokens += word.size();
    }
    if (queryTokens == 0) {
      return Optional.empty();
    }
    String squashed = squashed(query);
    int best = -1;
    int bestExtra = Integer.MAX_VALUE;
    for (int i = 0; i < items.size(); i++) {
      for (Key key : keys.get(i)) {
        if (key.squashed.equals(squashed)) {
          return Optional.of(items.get(i));
        }
        if (key.holds(words)) {
          int extra = key.tokens.size() - queryTokens;
          if (extra < bestExtra) {
            bestExtra = extra;
            best = i;
          }
        }
      }
    }
    return best < 0 ? Optional.empty() : Optional.of(items.get(best));
  }

  /** Every item one of whose keys holds every word of the query (as {@link #find} matches); all for a blank query. */
  List<T> matching(String query) {
    List<List<String>> words = words(query);
    List<T> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      for (Key key : keys.get(i)) {
        if (key.holds(words)) {
          out.add(items.get(i));
          break;
        }
      }
    }
    return out;
  }

  /** Up to {@code limit} items whose names are closest to {@code query} (edit distance of the squashed forms). */
  List<T> suggest(String query, int limit) {
    String q = squashed(query);
    List<int[]> scored = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      int best = Integer.MAX_VALUE;
      for (Key key : keys.get(i)) {
        // A name that contains the query is a near miss however long it is ("4090" in "rtx 4090 d").
        int distance = !q.isEmpty() && key.squashed.contains(q) ? (key.squashed.length() - q.length()) / 4
            : editDistance(q, key.squashed);
        best = Math.min(best, distance);
      }
      scored.add(new int[] {best, i});
    }
    scored.sort(Comparator.<int[]>comparingInt(s -> s[0]).thenComparingInt(s -> s[1]));
    List<T> out = new ArrayList<>();
    for (int k = 0; k < Math.min(limit, scored.size()); k++) {
      out.add(items.get(scored.get(k)[1]));
    }
    return out;
  }

  /**
   * The query's words, split at ASCII whitespace (regex {@code \s}), each as its tokens. A scan, not
   * {@code String.split}: compiling its regular expression cost a fresh JVM's first lookup milliseconds.
   */
  static List<List<String>> words(String text) {
    List<List<String>> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || isSpace(text.charAt(i))) {
        List<String> t = tokens(text.substring(start, i));
        if (!t.isEmpty()) {
          out.add(t);
        }
        start = i + 1;
      }
    }
    return out;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** The text's tokens: lower case, split at separators and where letters meet digits. */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    scan(text, tokens);
    return tokens;
  }

  /** The tokens of {@code text} run together ({@code String.join("", tokens(text))}), the form ids are unique in. */
  static String squashed(String text) {
    return scan(text, null);
  }

  /**
   * The squashed form of {@code text}, adding each token to {@code tokens} unless null. One scan, written into a
   * char array without a call per character: the name index squashes and splits every name, in a fresh JVM before
   * the JIT compiles this.
   */
  private static String scan(String text, @Nullable List<String> tokens) {
    char[] chars = text.toCharArray();
    int length = 0;
    int start = 0;
    int kind = 0;
    for (char c : chars) {
      // ASCII without Character's tables (the catalog's names are ASCII); 2 for a digit or a dot inside a number,
      // 1 for a letter, 0 for a separator.
      char ch = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c < 128 ? c : Character.toLowerCase(c);
      int k = ch < 128 ? (ch >= '0' && ch <= '9' || ch == '.' && kind == 2 ? 2 : ch >= 'a' && ch <= 'z' ? 1 : 0)
          : Character.isDigit(ch) ? 2 : Character.isLetter(ch) ? 1 : 0;
      if (k != kind && kind != 0) {
        length = endToken(chars, start, length, kind, tokens);
        start = length;
      }
      if (k != 0) {
        chars[length++] = ch;
      }
      kind = k;
    }
    if (kind != 0) {
      length = endToken(chars, start, length, kind, tokens);
    }
    return new String(chars, 0, length);
  }

  /**
   * Ends the token of {@code kind} in {@code chars[start, length)}, adding it to {@code tokens} unless null, and
   * returns its end: a number's trailing dot ("3." of "v3.x") is not part of it.
   */
  private static int endToken(char[] chars, int start, int length, int kind, @Nullable List<String> tokens) {
    int end = kind == 2 && chars[length - 1] == '.' ? length - 1 : length;
    if (tokens != null) {
      tokens.add(new String(chars, start, end - start));
    }
    return end;
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
