package dotbar.repl;

import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import dotbar.base.DotbarException;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Turns snippet outcomes into the text users read: values, compile errors with a caret, and
 * exceptions as one line.
 */
final class Messages {

    private Messages() {
    }

    /**
     * The name a value is shown under: a variable's name ({@code name = value}), or {@code null} for
     * an expression, whose value is shown alone.
     */
    static String valueName(Result r) {
        return switch (r.snippet()) {
            case VarSnippet v when v.subKind() != jdk.jshell.Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND -> v.name();
            case ExpressionSnippet e -> e.name();
            default -> null;
        };
    }

    /** The declared type of a shown value, as JShell names it ({@code Plot}, {@code dotbar.plot.Plot}). */
    static String valueType(Result r) {
        return switch (r.snippet()) {
            case VarSnippet v -> v.typeName();
            case ExpressionSnippet e -> e.typeName();
            default -> "";
        };
    }

    /**
     * A value's text: its {@code toString()}, so expressions read as math and traces as tables. Strings
     * show as their {@code toString()} too, not as JShell's quoted literal: {@code latex(e)} reads
     * {@code \cdot}, not {@code \\cdot}.
     */
    static String valueText(Result r) {
        return isString(valueType(r)) ? JavaText.unquote(r.value()) : r.value();
    }

    /** Whether JShell's type name is String's. */
    static boolean isString(String typeName) {
        return typeName.equals("String") || typeName.equals("java.lang.String");
    }

    /** The 1-based line, within the snippet, that a failure points at. */
    static int lineInSnippet(Result r) {
        if (r.kind() == Result.Kind.REJECTED && !r.diagnostics().isEmpty()) {
            return lineOf(r.source(), (int) r.diagnostics().get(0).getPosition());
        }
        if (r.exception() != null) {
            for (StackTraceElement frame : r.exception().getStackTrace()) {
                if (("#" + r.snippet().id()).equals(frame.getFileName()) && frame.getLineNumber() > 0) {
                    return frame.getLineNumber();
                }
            }
        }
        return 1;
    }

    /**
     * The failure as text: each compile error with its source line and a caret, one line otherwise.
     *
     * @param where the prefix for a failure on a given line of the snippet (1-based), such as
     *              {@code FILE:LINE: } in scripts
     */
    static String failure(Result r, Session session, IntFunction<String> where) {
        return switch (r.kind()) {
            case REJECTED -> r.diagnostics().stream()
                    .map(d -> where.apply(lineOf(r.source(), (int) d.getPosition()))
                            + withSuggestion(compileError(d, r.source()), d, r.source(), session))
                    .collect(Collectors.joining("\n"));
            case UNRESOLVED -> where.apply(1) + (r.unresolved().isEmpty()
                    // JShell names nothing when javac fails after resolution, as on a string constant over 65 535 bytes
                    ? "the snippet does not compile and JShell gives no reason (a string literal longer than 65 535 bytes is one;"
                            + " build long text with \"a\".repeat(n))"
                    : "cannot find " + String.join(", ", r.unresolved()));
            case EXCEPTION -> where.apply(lineInSnippet(r)) + exception(r, session);
            case STOPPED -> where.apply(lineInSnippet(r)) + "interrupted";
            default -> "";
        };
    }

    /** A note for a declaration that cannot be used until the names it refers to exist. */
    static String pending(Result r) {
        DeclarationSnippet d = (DeclarationSnippet) r.snippet();
        return "note: " + d.name() + " can be used once " + String.join(", ", r.unresolved())
                + (r.unresolved().size() == 1 ? " is" : " are") + " defined";
    }

    /** JShell's message, then the offending source line and a caret under the diagnostic's column. */
    static String compileError(Diag d, String source) {
        int position = (int) Math.max(0, Math.min(d.getPosition(), source.length()));
        int lineStart = source.lastIndexOf('\n', position - 1) + 1;
        int lineEnd = source.indexOf('\n', position);
        String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
        StringBuilder caret = new StringBuilder();
        for (int i = lineStart; i < position; i++) {
            caret.append(source.charAt(i) == '\t' ? '\t' : ' '); // keep tabs so the caret lines up
        }
        return cleanMessage(d.getMessage(Locale.ROOT)) + "\n" + line + "\n" + caret + "^";
    }

    /** JShell's {@code symbol:   method parze(java.lang.String)} line: the kind and the name. */
    private static final java.util.regex.Pattern SYMBOL =
            java.util.regex.Pattern.compile("(?m)^\\s*symbol:\\s+(?:variable|method|class)\\s+([\\p{L}\\p{N}_$]+)");

    /**
     * A "cannot find symbol" error with the closest name that could be meant, as the parser does for
     * {@code sinn}: {@code did you mean parse?} on the line after the symbol. The candidates are what
     * Tab would offer at that place — the names in scope, or the members after {@code expr.} — so a
     * mistyped DSL function, variable, class or method gets the same help.
     */
    static String withSuggestion(String error, Diag d, String source, Session session) {
        java.util.regex.Matcher m = SYMBOL.matcher(error);
        if (session == null || !d.getCode().startsWith("compiler.err.cant.resolve") || !m.find()) {
            return error;
        }
        String name = m.group(1);
        int at = source.indexOf(name, (int) Math.max(0, Math.min(d.getStartPosition(), source.length())));
        if (at < 0) {
            at = source.indexOf(name);
        }
        if (at < 0) {
            return error;
        }
        String prefix = source.substring(0, at);
        java.util.Set<String> candidates = new java.util.TreeSet<>();
        try {
            for (var c : session.analysis().completionSuggestions(prefix, prefix.length(), new int[1])) {
                String text = c.continuation();
                if (text.endsWith(".")) {
                    continue; // a package (zmq. from a library on the class path) is no name for a mistyped symbol
                }
                int paren = text.indexOf('(');
                candidates.add(paren < 0 ? text : text.substring(0, paren));
            }
        } catch (RuntimeException analysisFailed) {
            return error;
        }
        candidates.remove(name);
        var suggestion = dotbar.base.Suggestions.closest(name, candidates);
        if (suggestion.isEmpty()) {
            return error;
        }
        // as close a name of the user's own beats the DSL's: "cont" is more likely count than cost
        var own = session.shell().snippets()
                .filter(sn -> sn instanceof jdk.jshell.PersistentSnippet && session.shell().status(sn).isActive())
                .map(sn -> ((jdk.jshell.PersistentSnippet) sn).name())
                .filter(candidates::contains)
                .toList();
        var ownSuggestion = dotbar.base.Suggestions.closest(name, own);
        if (ownSuggestion.isPresent() && dotbar.base.Suggestions.distance(name, ownSuggestion.get())
                <= dotbar.base.Suggestions.distance(name, suggestion.get())) {
            suggestion = ownSuggestion;
        }
        int lineEnd = error.indexOf('\n', m.end());
        String hint = "\n  did you mean " + suggestion.get() + "?";
        return lineEnd < 0 ? error + hint : error.substring(0, lineEnd) + hint + error.substring(lineEnd);
    }

    /** Drops the "location: class" line naming JShell's anonymous wrapper class. */
    private static String cleanMessage(String message) {
        return message.lines()
                .filter(l -> !l.strip().equals("location: class"))
                .collect(Collectors.joining("\n"));
    }

    /**
     * One line for an exception: a {@code DotbarException}'s message alone (it says what and where);
     * any other as {@code ClassName: message}, with a hint naming the method that threw it when
     * that method is not the snippet itself.
     */
    static String exception(Result r, Session session) {
        JShellException ex = r.exception();
        if (ex instanceof UnresolvedReferenceException u) {
            DeclarationSnippet d = u.getSnippet();
            return d.name() + " cannot be used until " + String.join(", ", session.shell().unresolvedDependencies(d).toList())
                    + " is defined";
        }
        EvalException e = (EvalException) ex;
        String className = e.getExceptionClassName();
        String message = withoutWrappers(e.getMessage());
        if (isDotbarException(className) && message != null) {
            return message;
        }
        String text = simpleName(className) + (message == null ? "" : ": " + message);
        if (message == null && e.getCause() instanceof EvalException cause) {
            text += " (caused by " + simpleName(cause.getExceptionClassName())
                    + (cause.getMessage() == null ? "" : ": " + withoutWrappers(cause.getMessage())) + ")";
        }
        return text + thrownIn(e, r, session);
    }

    /**
     * Whether the named class is {@link DotbarException} or a subclass (such as the parser's). Only the
     * name crosses from the snippet; a class a snippet defined cannot be loaded here, so a snippet class
     * named like it counts too.
     */
    static boolean isDotbarException(String className) {
        try {
            Class<?> thrown = Class.forName(className, false, Messages.class.getClassLoader());
            return DotbarException.class.isAssignableFrom(thrown);
        } catch (ClassNotFoundException | LinkageError snippetClass) {
            return simpleName(className).equals("DotbarException");
        }
    }

    /** " (in f at FILE:LINE)" when the innermost snippet frame belongs to another snippet. */
    private static String thrownIn(EvalException e, Result r, Session session) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String file = frame.getFileName();
            if (file == null || !file.startsWith("#")) {
                continue;
            }
            String id = file.substring(1);
            if (id.equals(r.snippet().id())) {
                return "";
            }
            String where = frame.getClassName().isEmpty() ? frame.getMethodName()
                    : simpleName(frame.getClassName()) + "." + frame.getMethodName();
            Origin origin = session.origin(id);
            return origin == null ? " (in " + where + ")" : " (in " + where + " at " + origin.at(frame.getLineNumber()) + ")";
        }
        return "";
    }

    /** {@code java.lang.ArithmeticException} → {@code ArithmeticException}; snippet classes lose JShell's wrapper. */
    static String simpleName(String className) {
        String name = className.replaceAll(".*\\$JShell\\$\\d+[A-Z]?\\$", "");
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /**
     * The text without the names of JShell's wrapper classes: a helpful NullPointerException says
     * {@code "REPL.$JShell$15.o" is null}, meaning the variable {@code o}.
     */
    static String withoutWrappers(String text) {
        return text == null ? null : text.replaceAll("REPL\\.\\$JShell\\$\\d+[A-Z]?[.$]", "");
    }

    /** 1-based line of a character position. */
    static int lineOf(String text, int position) {
        int line = 1;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
