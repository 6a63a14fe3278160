package dotbar.repl;

import java.util.function.Consumer;

import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/** Typed input (a prompt line, a notebook cell) as the snippets JShell makes of it, run in turn. */
final class Snippets {

    private Snippets() {
    }

    /**
     * Evaluates each complete snippet of {@code input} in turn, handing each result that did not fail
     * to {@code shown}, and stops at the first failure. An unfinished last snippet is evaluated as it
     * is, so that its error is JShell's.
     *
     * @return the failed result, or {@code null} when every snippet ran
     */
    static Result evalEach(Session session, String input, Consumer<Result> shown) {
        String rest = input;
        while (!rest.isBlank()) {
            CompletionInfo info = session.analysis().analyzeCompletion(rest);
            if (info.completeness() == Completeness.EMPTY) {
                break;
            }
            boolean whole = !info.completeness().isComplete() && info.completeness() != Completeness.UNKNOWN;
            String source = whole ? rest : info.source();
            rest = whole ? "" : info.remaining();
            Result r = session.eval(source, null);
            switch (r.kind()) {
                case VALUE, PENDING, SILENT -> shown.accept(r);
                default -> {
                    return r;
                }
            }
        }
        return null;
    }
}
