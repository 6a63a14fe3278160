package dotbar.expr;

import java.util.Comparator;

/**
 * Names in the order people expect: runs of digits compare as numbers, so {@code x2} comes before
 * {@code x10} and {@code w9} before {@code w10}; everything else compares by code point. Names that
 * differ only in leading zeros ({@code x01}, {@code x1}) fall back to plain string order, so the
 * order is total and consistent with {@code equals}.
 */
public final class NaturalOrder implements Comparator<String> {
    /** The one instance. */
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {}

    @Override
    public int compare(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i), y = b.charAt(j);
            if (isDigit(x) && isDigit(y)) {
                int endA = digitsEnd(a, i), endB = digitsEnd(b, j);
                int c = compareNumbers(a.substring(i, endA), b.substring(j, endB));
                if (c != 0) return c;
                i = endA;
                j = endB;
            } else {
                int c = Integer.compare(a.codePointAt(i), b.codePointAt(j));
                if (c != 0) return c;
                i += Character.charCount(a.codePointAt(i));
                j += Character.charCount(b.codePointAt(j));
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && isDigit(s.charAt(k))) k++;
        return k;
    }

    /** Two runs of digits by value, however long (no overflow): fewer significant digits is smaller. */
    private static int compareNumbers(String x, String y) {
        String p = x.replaceFirst("^0+(?=.)", ""), q = y.replaceFirst("^0+(?=.)", "");
        return p.length() != q.length() ? Integer.compare(p.length(), q.length()) : p.compareTo(q);
    }
}
