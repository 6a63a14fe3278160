package dotbar.base;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean …?": the closest known name to a misspelt one, by edit distance. */
public final class Suggestions {
    private Suggestions() {}

    /**
     * The candidate closest to {@code word} by Levenshtein distance, if it is close enough to be
     * a plausible typo (at most a third of the word's length, and at least 1 edit allowed), and
     * not a name that differs in every character (a one-letter word has no typo of another letter).
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word, c);
            // on a tie, the candidate that shares the longer prefix: "sinn" is more likely "sin" than "sign"
            if (d < bestDistance || d == bestDistance && commonPrefix(word, c) > commonPrefix(word, best)) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, (word.length() + 2) / 3);
        // a candidate that shares no letter with the word is no typo of it: "q" is not "σ"
        boolean related = best != null && bestDistance < Math.max(word.codePointCount(0, word.length()),
                best.codePointCount(0, best.length()));
        return related && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) n++;
        return n;
    }

    /** Edit distance (insertions, deletions, substitutions) over code points. */
    public static int distance(String a, String b) {
        int[] x = a.codePoints().toArray(), y = b.codePoints().toArray();
        int[] prev = new int[y.length + 1], cur = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) prev[j] = j;
        for (int i = 1; i <= x.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length];
    }
}
