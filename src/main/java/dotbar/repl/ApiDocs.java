package dotbar.repl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The Javadoc of dotbar's own methods, for Tab after {@code name(}.
 *
 * <p>JShell's {@code documentation()} finds Javadoc only in the JDK's {@code src.zip}, so for our
 * classes it gives signatures without text. The build copies dotbar's sources (all but this
 * package) into the jar under {@value #SOURCES}, a path that is no Java package, so the compiler
 * never mistakes them for sources of the classes. On the first question about a class its source
 * is parsed with the JDK's own parser (nothing is compiled), and its methods' comments are kept.
 * This was chosen over extracting the text at build time because it needs no build plugin or
 * generated file that could go stale, and the real parser reads every comment correctly.
 */
final class ApiDocs {

    /** Where the sources are in the jar. */
    static final String SOURCES = "/dotbar/repl/api-sources/";

    /** Packages a simple class name (JShell says {@code Expr}, not {@code dotbar.expr.Expr}) is looked up in. */
    private static final List<String> PACKAGES = List.of(
            "dotbar", "dotbar.expr", "dotbar.diff", "dotbar.tape", "dotbar.optim", "dotbar.plot",
            "dotbar.print", "dotbar.parse", "dotbar.simplify");

    /** Source file (by resource path) → method key → rendered comment, for files that exist. */
    private static final Map<String, Map<String, String>> BY_FILE = new ConcurrentHashMap<>();

    private ApiDocs() {
    }

    /**
     * What Tab shows right after {@code name(} (or after a comma or a quote inside the arguments): each
     * signature JShell finds for the call at the cursor, with its documentation; {@code null} when
     * the cursor is not there (it is in a word, which Tab completes instead) or JShell finds no method.
     *
     * @param width the terminal's width, to wrap the text (0 when unknown)
     */
    static String atCall(SourceCodeAnalysis analysis, String code, int cursor, int width) {
        if (cursor == 0) {
            return null;
        }
        char before = code.charAt(cursor - 1);
        if (Character.isJavaIdentifierPart(before) || before == '\\' || before == '.') {
            return null;
        }
        List<SourceCodeAnalysis.Documentation> found = analysis.documentation(code, cursor, true);
        if (found.isEmpty()) {
            return null;
        }
        int columns = Math.min(width > 0 ? width : 80, 100);
        StringBuilder b = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : found) {
            String doc = forSignature(d.signature()).orElseGet(() -> firstSentence(d.javadoc()));
            b.append(d.signature()).append('\n');
            if (!doc.isEmpty()) {
                b.append(wrap(doc, "    ", columns)).append('\n');
            }
        }
        return b.toString().stripTrailing();
    }

    /** The first sentence of a raw JDK comment, its inline tags reduced to their text. */
    private static String firstSentence(String javadoc) {
        if (javadoc == null) {
            return "";
        }
        String text = javadoc.replaceAll("\\{@\\w+\\s+([^}]*)}", "$1").replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    /** Each paragraph word-wrapped to {@code columns}, every line starting with {@code indent}. */
    static String wrap(String text, String indent, int columns) {
        StringBuilder b = new StringBuilder();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder(indent);
            for (String word : paragraph.split(" ")) {
                if (line.length() > indent.length() && line.length() + 1 + word.length() > columns) {
                    b.append(line.toString().stripTrailing()).append('\n');
                    line = new StringBuilder(indent);
                }
                if (line.length() > indent.length()) {
                    line.append(' ');
                }
                line.append(word);
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString().stripTrailing();
    }

    /**
     * The comment of the method JShell describes by {@code signature}, such as
     * {@code Expr dotbar.DotBar.parse(String text)} or {@code Expr Expr.subs(String name, double value)}.
     */
    static Optional<String> forSignature(String signature) {
        Method m = Method.parse(signature);
        if (m == null) {
            return Optional.empty();
        }
        for (String file : candidateFiles(m.owner())) {
            Map<String, String> docs = BY_FILE.computeIfAbsent(file, ApiDocs::read);
            if (docs != null) {
                return Optional.ofNullable(docs.get(m.key()));
            }
        }
        return Optional.empty();
    }

    /** A method named by JShell: the class as written ({@code dotbar.DotBar}, {@code Expr}), name, erased parameter types. */
    record Method(String owner, String name, List<String> parameterTypes) {

        /** {@code DotBar.parse(String)}: the simple class name, the method, simple erased types. */
        String key() {
            String simpleOwner = owner.substring(owner.lastIndexOf('.') + 1);
            return simpleOwner + "." + name + "(" + String.join(",", parameterTypes) + ")";
        }

        static Method parse(String signature) {
            int open = signature.indexOf('(');
            int close = signature.lastIndexOf(')');
            if (open < 0 || close < open) {
                return null;
            }
            String head = signature.substring(0, open).strip();
            String qualified = head.substring(head.lastIndexOf(' ') + 1);
            int dot = qualified.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            List<String> types = new ArrayList<>();
            for (String parameter : splitTopLevel(signature.substring(open + 1, close))) {
                String p = parameter.strip();
                if (p.isEmpty()) {
                    continue;
                }
                int space = lastTopLevelSpace(p);
                types.add(simpleType(space < 0 ? p : p.substring(0, space)));
            }
            return new Method(qualified.substring(0, dot), qualified.substring(dot + 1), types);
        }
    }

    /** {@code java.util.List<? extends Expr>} → {@code List}; {@code Object...} → {@code Object[]}. */
    static String simpleType(String type) {
        StringBuilder erased = new StringBuilder();
        int depth = 0;
        for (char c : type.strip().toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (depth == 0 && !Character.isWhitespace(c)) {
                erased.append(c);
            }
        }
        String t = erased.toString().replace("...", "[]");
        int dims = t.indexOf('[');
        String base = dims < 0 ? t : t.substring(0, dims);
        return base.substring(base.lastIndexOf('.') + 1) + (dims < 0 ? "" : t.substring(dims));
    }

    /** Splits at commas outside {@code <>}. */
    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int comma : topLevel(s, ',')) {
            parts.add(s.substring(start, comma));
            start = comma + 1;
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** The space before a parameter's name: the last one outside {@code <>}, or -1. */
    private static int lastTopLevelSpace(String p) {
        List<Integer> spaces = topLevel(p, ' ');
        return spaces.isEmpty() ? -1 : spaces.get(spaces.size() - 1);
    }

    /** The indexes of {@code c} outside type arguments ({@code <…>}). */
    private static List<Integer> topLevel(String s, char c) {
        List<Integer> found = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char x = s.charAt(i);
            if (x == '<') {
                depth++;
            } else if (x == '>') {
                depth--;
            } else if (x == c && depth == 0) {
                found.add(i);
            }
        }
        return found;
    }

    /** The resource paths the class may be in, the outer class's file for a nested one. */
    private static List<String> candidateFiles(String owner) {
        String[] parts = owner.split("\\.");
        int firstType = 0;
        while (firstType < parts.length && !Character.isUpperCase(parts[firstType].charAt(0))) {
            firstType++;
        }
        if (firstType == parts.length) {
            return List.of();
        }
        String outer = parts[firstType];
        if (firstType > 0) {
            return List.of(SOURCES + String.join("/", List.of(parts).subList(0, firstType)) + "/" + outer + ".java");
        }
        return PACKAGES.stream().map(p -> SOURCES + p.replace('.', '/') + "/" + outer + ".java").toList();
    }

    /** Method key → comment of every documented method in the file; {@code null} if there is no such file. */
    private static Map<String, String> read(String resource) {
        String text;
        try (InputStream in = ApiDocs.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            return Map.of();
        }
        var source = new SimpleJavaFileObject(URI.create("string:///" + resource.substring(resource.lastIndexOf('/') + 1)),
                SimpleJavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
        JavacTask task = (JavacTask) compiler.getTask(null, null, diagnostic -> { }, List.of("-proc:none"), null, List.of(source));
        DocTrees trees = DocTrees.instance(task);
        Map<String, String> docs = new ConcurrentHashMap<>();
        try {
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, Void>() {
                    private final List<String> classes = new ArrayList<>();

                    @Override
                    public Void visitClass(ClassTree node, Void unused) {
                        classes.add(node.getSimpleName().toString());
                        try {
                            return super.visitClass(node, unused);
                        } finally {
                            classes.remove(classes.size() - 1);
                        }
                    }

                    @Override
                    public Void visitMethod(MethodTree node, Void unused) {
                        DocCommentTree comment = trees.getDocCommentTree(getCurrentPath());
                        boolean hidden = node.getModifiers().getFlags().contains(Modifier.PRIVATE);
                        if (comment != null && !hidden && !classes.isEmpty()) {
                            List<String> types = new ArrayList<>();
                            for (VariableTree p : node.getParameters()) {
                                types.add(simpleType(p.getType().toString()));
                            }
                            String key = classes.get(classes.size() - 1) + "." + node.getName() + "(" + String.join(",", types) + ")";
                            docs.put(key, JavadocText.of(comment));
                        }
                        return null; // nothing inside a method body is documented API
                    }
                }.scan(unit, null);
            }
        } catch (IOException e) {
            return Map.of();
        }
        return docs;
    }
}
