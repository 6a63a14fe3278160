package dotbar.repl;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import dotbar.DotbarException;
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
     * A value as the REPL shows it: an expression's value alone, a variable as {@code name = value}
     * (the value on its own lines when it has several, so tables stay aligned). Strings show as
     * their {@code toString()} too, not as JShell's quoted literal: {@code latex(e)} reads {@code \cdot},
     * not {@code \\cdot}.
     */
    static String value(Result r) {
        String name = switch (r.snippet()) {
            case VarSnippet v when v.subKind() != jdk.jshell.Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND -> v.name();
            case ExpressionSnippet e -> e.name();
            default -> null;
        };
        String type = switch (r.snippet()) {
            case VarSnippet v -> v.typeName();
            case ExpressionSnippet e -> e.typeName();
            default -> "";
        };
        String value = type.equals("String") || type.equals("java.lang.String") ? JavaText.unquote(r.value()) : r.value();
        if (name == null) {
            return value;
        }
        return name + (value.contains("\n") ? " =\n" : " = ") + value;
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
                    .map(d -> where.apply(lineOf(r.source(), (int) d.getPosition())) + compileError(d, r.source()))
                    .collect(Collectors.joining("\n"));
            case UNRESOLVED -> where.apply(1) + "cannot find " + String.join(", ", r.unresolved());
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
        String message = e.getMessage();
        if (isDotbarException(className) && message != null) {
            return message;
        }
        String text = simpleName(className) + (message == null ? "" : ": " + message);
        if (message == null && e.getCause() instanceof EvalException cause) {
            text += " (caused by " + simpleName(cause.getExceptionClassName())
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
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

    /** Closest candidate by edit distance, or {@code null} when none is reasonably close. */
    static String closest(String word, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, word.length() / 2) ? best : null;
    }

    private static int distance(String a, String b) {
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
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
