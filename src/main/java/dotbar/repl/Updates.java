package dotbar.repl;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

/**
 * What a snippet did to the declarations that depend on the one it replaced, so that nothing
 * changes without a word.
 *
 * <p>When a declaration is replaced ({@code var opt = momentum(…)} after {@code var opt = adam(…)}),
 * JShell recompiles every snippet that refers to it and reports each in an update event (one whose
 * {@code causeSnippet()} is set). The remote engine of bare {@code jshell} redefines the dependents'
 * classes in place, so {@code var before = opt.loss()} keeps its number; the local engine dotbar runs
 * on cannot redefine a class, so JShell loads a fresh wrapper class whose field is {@code 0.0} or
 * {@code null}. Here each such variable gets its value back from its previous wrapper class, when
 * its type is the same class as before — the value bare jshell keeps.
 *
 * <p>What cannot be kept is said on the spot, naming it: a variable whose declaration no longer
 * compiles ({@code var twice = k*2} after {@code var k = "five"}) cannot be used —
 * {@code twice was dropped: it used k, which is now a String …}; JShell keeps it aside, and when
 * its declaration compiles again it comes back with the value it had (as the remote engine's
 * redefinition keeps it), which is said too. It is not dropped for good: that would drop the
 * variables built from it as well, whose values are intact. A variable that cannot get its value
 * back (its type was redefined) is said to be reset; a method or class that no longer compiles is
 * named, with why.
 */
final class Updates {

    private Updates() {
    }

    /**
     * Restores the values of updated variables and returns a note for each declaration that lost
     * something.
     *
     * @param shell  the state the events came from
     * @param loader the engine's loader, or {@code null} (then values cannot be restored)
     * @param events the events of one {@code eval}, the snippet's own first
     */
    static List<String> settle(JShell shell, SnippetLoader loader, List<SnippetEvent> events) {
        List<String> notes = new ArrayList<>();
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null || e.causeSnippet() == e.snippet()) {
                continue; // the snippet itself, or the old version it overwrote
            }
            Snippet s = e.snippet();
            boolean wasUsable = e.previousStatus() == Snippet.Status.VALID;
            switch (s) {
                case VarSnippet v when e.status() == Snippet.Status.VALID && wasUsable -> {
                    String lost = restore(loader, v);
                    if (lost != null) {
                        notes.add(v.name() + " was reset to " + lost + ": " + because(shell, e) + " (run its declaration again)");
                    }
                }
                case VarSnippet v when e.status() == Snippet.Status.VALID -> {
                    String lost = restore(loader, v); // from the class it had before it stopped compiling
                    notes.add(v.name() + (lost == null ? " is back, with the value it had"
                            : " can be used now, but holds " + lost + ": run its declaration again to compute it"));
                }
                case VarSnippet v when e.status().isActive() && !e.status().isDefined() -> notes.add(v.name()
                        + " was dropped: " + because(shell, e) + reason(shell, v)
                        + "; it comes back, with its value, once its declaration compiles again");
                case MethodSnippet m when wasUsable && e.status() != Snippet.Status.VALID && e.status().isActive() ->
                        notes.add(m.name() + "(…) cannot be called until it compiles again: " + because(shell, e) + reason(shell, m));
                case TypeDeclSnippet t when wasUsable && e.status() != Snippet.Status.VALID && e.status().isActive() ->
                        notes.add(t.name() + " cannot be used until it compiles again: " + because(shell, e) + reason(shell, t));
                default -> { }
            }
        }
        return notes;
    }

    /**
     * Puts the value the variable had into its new wrapper class; returns {@code null} when it is
     * there, else the default value it holds now.
     */
    private static String restore(SnippetLoader loader, VarSnippet v) {
        if (loader == null) {
            return "its default";
        }
        List<Class<?>> loaded = loader.loadedSinceMark();
        for (int i = loaded.size() - 1; i >= 0; i--) {
            Class<?> fresh = loaded.get(i);
            Field now = staticField(fresh, v.name());
            if (now == null) {
                continue;
            }
            Class<?> old = loader.previousVersion(fresh);
            if (old == null) {
                return defaultOf(now.getType()); // its first class: it never had a value (a forward reference)
            }
            Field before = staticField(old, v.name());
            if (before == null || before.getType() != now.getType()) {
                return defaultOf(now.getType());
            }
            try {
                now.set(null, before.get(null));
                return null;
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return defaultOf(now.getType());
            }
        }
        return null; // not reloaded: the class (and its value) is the one it was
    }

    private static Field staticField(Class<?> k, String name) {
        try {
            Field f = k.getDeclaredField(name);
            if (!Modifier.isStatic(f.getModifiers())) {
                return null;
            }
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static String defaultOf(Class<?> type) {
        if (!type.isPrimitive()) {
            return "null";
        }
        return type == boolean.class ? "false" : type == double.class || type == float.class ? "0.0" : "0";
    }

    /** "it used k, which is now a String": what changed under the dependent. */
    private static String because(JShell shell, SnippetEvent e) {
        Snippet cause = e.causeSnippet();
        String what = switch (cause) {
            case VarSnippet v when shell.status(v).isDefined() -> v.name() + ", which is now " + article(v.typeName());
            case VarSnippet v -> v.name() + ", which was dropped";
            case MethodSnippet m -> m.name() + "(…), which was redefined";
            case DeclarationSnippet d when shell.status(d).isDefined() -> d.name() + ", which was redefined";
            case DeclarationSnippet d -> d.name() + ", which was dropped";
            default -> "something that changed";
        };
        return "it used " + what;
    }

    /** " (bad operand types …)": the compiler's first line on why the declaration no longer compiles. */
    private static String reason(JShell shell, DeclarationSnippet d) {
        var unresolved = shell.unresolvedDependencies(d).toList();
        if (!unresolved.isEmpty()) {
            return " (needs " + String.join(", ", unresolved) + ")";
        }
        return shell.diagnostics(d).filter(x -> x.isError()).findFirst()
                .map(x -> " (" + x.getMessage(java.util.Locale.ROOT).lines().findFirst().orElse("") + ")")
                .orElse("");
    }

    private static String article(String type) {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return ("AEIOU".indexOf(Character.toUpperCase(simple.charAt(0))) >= 0 ? "an " : "a ") + simple;
    }
}
