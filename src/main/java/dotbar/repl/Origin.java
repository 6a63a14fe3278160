package dotbar.repl;

/**
 * Where a snippet's source came from: a file (or {@code stdin}) and the line its first character is on.
 *
 * @param file the file name as the user gave it
 * @param line 1-based line number
 */
public record Origin(String file, int line) {

    /** The location of a line counted from this snippet's first line (1-based), as {@code FILE:LINE}. */
    public String at(int lineInSnippet) {
        return file + ":" + (line + lineInSnippet - 1);
    }
}
