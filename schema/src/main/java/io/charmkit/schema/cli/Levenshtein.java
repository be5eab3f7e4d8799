package io.charmkit.schema.cli;

/** The edit distance between two words, to suggest the key a misspelt one was meant to be. */
final class Levenshtein {

  private Levenshtein() {}

  /**
   * Returns how many single-character insertions, deletions or substitutions turn {@code a} into
   * {@code b}.
   *
   * @param a a word
   * @param b another word
   * @return the distance, 0 when they are equal
   */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
