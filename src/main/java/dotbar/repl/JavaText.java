package dotbar.repl;

/** Java string literals, both ways: for passing {@code args} into a session and for showing String values. */
final class JavaText {

    private JavaText() {
    }

    /** A Java string literal for {@code s}, escaping every character a literal cannot hold as is. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\%03o", (int) c)); // octal: a unicode escape of a line break ends the literal
            } else if (c < 0x7F) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.append('"').toString();
    }

    /**
     * The text of a quoted literal as JShell shows a String value (quotes around, escapes such as
     * backslash-t inside); anything that is not a quoted literal ({@code null}) comes back unchanged.
     */
    static String unquote(String literal) {
        if (literal.length() < 2 || !literal.startsWith("\"") || !literal.endsWith("\"")) {
            return literal;
        }
        String body = literal.substring(1, literal.length() - 1);
        StringBuilder b = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                b.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'b' -> b.append('\b');
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case 'f' -> b.append('\f');
                case 'r' -> b.append('\r');
                case 's' -> b.append(' ');
                case 'u' -> {
                    int start = i + 1;
                    while (start < body.length() && body.charAt(start) == 'u') {
                        start++;
                    }
                    b.append((char) Integer.parseInt(body.substring(start, start + 4), 16));
                    i = start + 3;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        int digits = e <= '3' ? 3 : 2;
                        while (end < body.length() && end - i < digits && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                            end++;
                        }
                        b.append((char) Integer.parseInt(body.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        b.append(e); // a quote, an apostrophe or a backslash
                    }
                }
            }
        }
        return b.toString();
    }
}
