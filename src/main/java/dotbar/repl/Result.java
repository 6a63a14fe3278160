package dotbar.repl;

import java.util.List;

import jdk.jshell.Diag;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;

/**
 * What became of one evaluated snippet.
 *
 * @param kind        the outcome
 * @param snippet     the snippet JShell made of the source
 * @param source      the source as evaluated (diagnostic positions refer to it)
 * @param value       the value's {@code toString()} for {@link Kind#VALUE}, else {@code null}
 * @param diagnostics compile errors for {@link Kind#REJECTED}
 * @param unresolved  names the snippet refers to but that do not exist yet
 * @param exception   what the snippet threw, for {@link Kind#EXCEPTION}
 * @param notes       what the snippet did to other declarations that depended on what it replaced
 *                    (see {@link Updates}): each names a variable dropped or reset, or a method
 *                    that cannot be called for now
 * @param unshown     for {@link Kind#VALUE}: why the value could not be shown (its {@code toString()}
 *                    threw or ran out of memory), else {@code null}; {@link #value} is then empty
 */
public record Result(Kind kind, Snippet snippet, String source, String value,
                     List<Diag> diagnostics, List<String> unresolved, JShellException exception,
                     List<String> notes, String unshown) {

    public Result {
        notes = List.copyOf(notes);
    }

    /** The outcomes a snippet can have. */
    public enum Kind {
        /** An expression or variable with a value to show. */
        VALUE,
        /** Done, nothing to show: a statement, an import, a method or type declaration. */
        SILENT,
        /** A declaration accepted but usable only once the {@link #unresolved} names exist. */
        PENDING,
        /** Compile errors: nothing was defined or run. */
        REJECTED,
        /** A variable or statement that refers to names that do not exist. */
        UNRESOLVED,
        /** Ran and threw. */
        EXCEPTION,
        /** Stopped by the user (Ctrl-C). */
        STOPPED;
    }

    /** Whether this outcome ends a script: nothing usable was defined or the code threw. */
    public boolean failed() {
        return kind == Kind.REJECTED || kind == Kind.UNRESOLVED || kind == Kind.EXCEPTION
                || kind == Kind.STOPPED;
    }
}
