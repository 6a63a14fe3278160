package dotbar.repl;

import java.util.IdentityHashMap;
import java.util.Map;

import jdk.jshell.EvalException;

/**
 * A stack trace for {@code /trace}, in the user's terms: the exception and its causes, frames of the
 * libraries as Java prints them, frames of snippets as {@code snippet 3, line 2} (or the script's
 * {@code FILE:LINE}), and nothing below the snippet that was running (JShell's own machinery).
 */
final class StackText {

    private StackText() {
    }

    /** The failure, its frames, and each cause in turn. */
    static String of(Throwable failure, Session session) {
        StringBuilder b = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t != failure) {
                b.append("caused by: ");
            }
            b.append(headline(t)).append('\n');
            for (StackTraceElement frame : t.getStackTrace()) {
                if (isEngine(frame)) {
                    break;
                }
                b.append("    at ").append(frame(frame, session)).append('\n');
                if (isSnippetTopLevel(frame)) {
                    break; // the snippet itself: below it is JShell calling it
                }
            }
        }
        return b.toString().stripTrailing();
    }

    private static String headline(Throwable t) {
        if (t instanceof EvalException e) {
            String name = e.getExceptionClassName();
            return Messages.simpleName(name) + (e.getMessage() == null ? "" : ": " + Messages.withoutWrappers(e.getMessage()))
                    + " (" + name.replaceAll("\\$JShell\\$\\d+[A-Z]?\\$", "") + ")";
        }
        return t.toString();
    }

    /** JShell's execution machinery, reached when a frame is not under a snippet's {@code do_it$}. */
    private static boolean isEngine(StackTraceElement frame) {
        String c = frame.getClassName();
        return c.startsWith("jdk.jshell.") || c.startsWith("jdk.internal.reflect.")
                || c.startsWith("java.lang.reflect.Method");
    }

    /** The snippet's own statements: JShell names such a frame {@code (#12:1)}, with no class or method. */
    private static boolean isSnippetTopLevel(StackTraceElement frame) {
        String method = frame.getMethodName();
        return frame.getFileName() != null && frame.getFileName().startsWith("#")
                && (method.isEmpty() || method.equals("do_it$"));
    }

    private static String frame(StackTraceElement frame, Session session) {
        String file = frame.getFileName();
        if (file == null || !file.startsWith("#")) {
            return frame.toString();
        }
        String id = file.substring(1);
        Origin origin = session.origin(id);
        String where = origin != null ? origin.at(frame.getLineNumber())
                : "snippet " + id + ", line " + frame.getLineNumber();
        String method = frame.getMethodName();
        String className = Messages.simpleName(frame.getClassName());
        if (isSnippetTopLevel(frame)) {
            return where;
        }
        boolean snippetMethod = className.isEmpty() || className.startsWith("$JShell$");
        return (snippetMethod ? method : className + "." + method) + " (" + where + ")";
    }
}
