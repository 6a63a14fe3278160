package dotbar.repl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * What {@code /save} writes: the snippets that re-run to the state the session is in.
 *
 * <p>The current snippets in the order they ran are not enough: after {@code var e = parse("x^2")},
 * {@code diff(e, "x")}, {@code var e = parse("x^3")}, the derivative ran on the first {@code e},
 * which is no longer current, and a file that starts with {@code diff(e, "x")} fails. So each
 * current snippet is preceded by the declarations it used that have been replaced since, in the
 * version that was current when it ran: the file above becomes all three lines, and re-running it
 * gives the derivative of x² again, as in the session. Snippets that threw, were rejected or are
 * not defined (they used something that does not exist) are left out; so are the startup's.
 */
final class Saved {

    private final JShell shell;
    private final Session session;
    /** Every snippet of the session, in the order they were entered. */
    private final List<Snippet> all;

    private Saved(Session session) {
        this.session = session;
        this.shell = session.shell();
        this.all = shell.snippets().toList();
    }

    /** The sources to save, one snippet each, in an order that re-runs to the current state. */
    static List<String> current(Session session) {
        return new Saved(session).current();
    }

    /** {@code /save -all}: every snippet entered, current or not, failed or not, the startup's too, in order. */
    static List<String> all(Session session) {
        return session.shell().snippets().map(s -> s.source().strip()).toList();
    }

    /** {@code /save -start}: the startup's snippets. */
    static List<String> startup(Session session) {
        return session.shell().snippets().filter(session::isHidden).map(s -> s.source().strip()).toList();
    }

    private List<String> current() {
        Set<Snippet> emitted = new LinkedHashSet<>();
        for (Snippet s : all) {
            Snippet.Status status = shell.status(s);
            if (status.isActive() && status.isDefined() && !session.isHidden(s) && !session.threw(s)) {
                emit(s, emitted, new HashSet<>());
            }
        }
        List<String> sources = new ArrayList<>();
        emitted.forEach(s -> sources.add(s.source().strip()));
        return sources;
    }

    /** Adds {@code s} after the replaced declarations it used (recursively); {@code visiting} guards against loops. */
    private void emit(Snippet s, Set<Snippet> emitted, Set<Snippet> visiting) {
        if (emitted.contains(s) || !visiting.add(s)) {
            return;
        }
        int position = all.indexOf(s);
        String own = s instanceof DeclarationSnippet d ? d.name() : null; // a declaration's own name is itself
        for (String name : JavaNames.referencedIn(s.source())) {
            if (name.equals(own)) {
                continue;
            }
            Snippet used = declarationBefore(name, position);
            if (used != null && !shell.status(used).isActive()) {
                emit(used, emitted, visiting);
            }
        }
        emitted.add(s);
    }

    /** The declaration of {@code name} that was current when the snippet at {@code position} ran, or {@code null}. */
    private Snippet declarationBefore(String name, int position) {
        for (int i = position - 1; i >= 0; i--) {
            if (all.get(i) instanceof DeclarationSnippet d && d.name().equals(name) && wasDefined(d)) {
                return session.isHidden(d) ? null : d;
            }
        }
        return null;
    }

    /** Defined when it ran: current, or replaced or dropped since, and did not throw. */
    private boolean wasDefined(Snippet s) {
        Snippet.Status status = shell.status(s);
        boolean defined = status.isActive() ? status.isDefined()
                : status == Snippet.Status.OVERWRITTEN || status == Snippet.Status.DROPPED;
        return defined && !session.threw(s);
    }
}
