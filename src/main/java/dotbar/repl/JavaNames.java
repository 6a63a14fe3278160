package dotbar.repl;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The simple names a snippet's source refers to: Java identifiers outside string and character
 * literals and comments, and not right after a {@code .} (a member such as {@code opt.step}
 * names {@code opt}, not a variable {@code step}). Keywords come along; callers look the names
 * up among declarations, where no keyword is.
 */
final class JavaNames {

    private JavaNames() {
    }

    /** The names in order of first appearance. */
    static Set<String> referencedIn(String source) {
        Set<String> names = new LinkedHashSet<>();
        int n = source.length();
        int i = 0;
        char previous = ' '; // the last character that was not white space, outside literals and comments
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = lineEnd(source, i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                previous = '"';
            } else if (c == '"' || c == '\'') {
                i = literalEnd(source, i, c);
                previous = c;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(source.charAt(i))) {
                    i++;
                }
                if (previous != '.') {
                    names.add(source.substring(start, i));
                }
                previous = 'a';
            } else {
                if (!Character.isWhitespace(c)) {
                    previous = c;
                }
                i++;
            }
        }
        return names;
    }

    private static int lineEnd(String s, int from) {
        int end = s.indexOf('\n', from);
        return end < 0 ? s.length() : end;
    }

    /** The index after a string or character literal starting at {@code from}. */
    private static int literalEnd(String s, int from, char quote) {
        int i = from + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return s.length();
    }
}
