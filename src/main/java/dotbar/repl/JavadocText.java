package dotbar.repl;

import java.util.List;
import java.util.Map;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.EndElementTree;
import com.sun.source.doctree.EntityTree;
import com.sun.source.doctree.LinkTree;
import com.sun.source.doctree.LiteralTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.doctree.ReturnTree;
import com.sun.source.doctree.StartElementTree;
import com.sun.source.doctree.TextTree;
import com.sun.source.doctree.ValueTree;

/**
 * A Javadoc comment as plain text for a terminal: {@code {@code x}} is {@code x}, a link is its
 * label or target, paragraphs and list items start new lines, {@code <pre>} blocks keep their
 * lines, other HTML is dropped; then the {@code @param} and {@code @return} lines.
 */
final class JavadocText {

    private static final Map<String, String> ENTITIES = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"",
            "nbsp", " ", "middot", "·", "le", "≤", "ge", "≥", "minus", "−");

    private JavadocText() {
    }

    static String of(DocCommentTree comment) {
        StringBuilder b = new StringBuilder();
        boolean[] pre = {false};
        append(b, comment.getFullBody(), pre);
        String body = tidy(b.toString());
        StringBuilder tags = new StringBuilder();
        for (DocTree tag : comment.getBlockTags()) {
            StringBuilder t = new StringBuilder();
            switch (tag) {
                case ParamTree p -> {
                    append(t, p.getDescription(), pre);
                    tags.append("\n  ").append(p.getName()).append(": ").append(tidy(t.toString()));
                }
                case ReturnTree r -> {
                    append(t, r.getDescription(), pre);
                    tags.append("\n  returns ").append(tidy(t.toString()));
                }
                default -> { }
            }
        }
        return (body + tags).strip();
    }

    private static void append(StringBuilder b, List<? extends DocTree> trees, boolean[] pre) {
        for (DocTree t : trees) {
            switch (t) {
                case TextTree text -> b.append(keepLines(text.getBody(), pre[0]));
                case LiteralTree literal -> b.append(keepLines(literal.getBody().getBody(), pre[0]));
                case LinkTree link -> {
                    if (link.getLabel().isEmpty()) {
                        b.append(link.getReference().getSignature().replaceFirst("^#", "").replace('#', '.'));
                    } else {
                        append(b, link.getLabel(), pre);
                    }
                }
                case ValueTree value -> b.append(value.getReference() == null ? "" : value.getReference().getSignature());
                case EntityTree entity -> b.append(ENTITIES.getOrDefault(entity.getName().toString(), "?"));
                case StartElementTree start -> {
                    String name = start.getName().toString().toLowerCase();
                    switch (name) {
                        case "p", "pre", "ul", "ol" -> b.append("\u0000\u0000");
                        case "li" -> b.append("\u0000• ");
                        default -> { }
                    }
                    if (name.equals("pre")) {
                        pre[0] = true;
                    }
                }
                case EndElementTree end -> {
                    if (end.getName().toString().equalsIgnoreCase("pre")) {
                        pre[0] = false;
                        b.append("\u0000");
                    }
                }
                default -> b.append(t.toString());
            }
        }
    }

    /** Inside {@code <pre>} the source's line breaks are kept (marked, see {@link #tidy}). */
    private static String keepLines(String text, boolean pre) {
        return pre ? text.replace("\n", "\u0000") : text;
    }

    /**
     * Source line breaks and runs of spaces become one space; the line breaks the markup asked for
     * (marked with NUL while building) become real ones.
     */
    private static String tidy(String s) {
        String flowed = s.replaceAll("[ \\t]*\\n[ \\t]*", " ").replaceAll(" {2,}", " ");
        return flowed.replaceAll(" ?\u0000 ?", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }
}
