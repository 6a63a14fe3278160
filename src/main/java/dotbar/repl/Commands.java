package dotbar.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dotbar.base.Suggestions;
import dotbar.expr.NaturalOrder;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * The {@code /commands} of the REPL, also usable between snippets in scripts.
 */
final class Commands {

    /** Name → one-line help, in the order {@code /help} lists them. */
    static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put("/help", "/help [TOPIC|COMMAND|NAME] this list, a topic (listed below), one command's help, or a DSL function's (/help check)");
        HELP.put("/vars", "/vars [-all]        your variables, one line each (-all: the $N temporaries too)");
        HELP.put("/methods", "/methods            methods you defined");
        HELP.put("/imports", "/imports            active imports");
        HELP.put("/list", "/list               the snippets you entered");
        HELP.put("/open", "/open FILE          run a script file in this session");
        HELP.put("/save", "/save [-all|-history|-start] FILE  save the current snippets so that FILE re-runs to this state;\n"
                + "                    -all every snippet, failed or replaced, startup included; -history every line typed\n"
                + "                    at the prompt, commands too; -start the startup snippets");
        HELP.put("/show", "/show [NAME]        the last value, or variable NAME's, in full (long values are cut)");
        HELP.put("/trace", "/trace              the stack trace of the last exception");
        HELP.put("/reset", "/reset              drop every definition, reload the startup imports");
        HELP.put("/exit", "/exit [STATUS]      leave (also Ctrl-D)");
    }

    /** {@code /vars} shows at most this many characters of each value. */
    private static final int VARS_CHARS = 120;

    private final Session session;
    private final PrintStream out;
    private final PrintStream err;
    private final LastOutput last;
    private final Style style;
    private final List<String> history = new ArrayList<>();

    /** Commands for a script: no colours, nothing shown earlier. */
    Commands(Session session, PrintStream out, PrintStream err) {
        this(session, out, err, new LastOutput(), Style.PLAIN);
    }

    /**
     * @param session the state commands act on
     * @param out     where listings go
     * @param err     where warnings of opened files go
     * @param last    the last value and failure, for {@code /show} and {@code /trace}
     * @param style   colours of help text
     */
    Commands(Session session, PrintStream out, PrintStream err, LastOutput last, Style style) {
        this.session = session;
        this.out = out;
        this.err = err;
        this.last = last;
        this.style = style;
    }

    /** A line that is a command: {@code /name ...}, but not a {@code //} or {@code /*} comment. */
    static boolean isCommand(String line) {
        String s = line.strip();
        return s.length() > 1 && s.charAt(0) == '/' && Character.isLetter(s.charAt(1));
    }

    /**
     * Runs one command line.
     *
     * @param line   the command, e.g. {@code /open demo.jsh}
     * @param origin where the line is in a script, or {@code null} at the prompt
     */
    Flow run(String line, Origin origin) {
        String[] parts = line.strip().split("\\s+", 2);
        String name = parts[0];
        String argument = parts.length > 1 ? parts[1].strip() : "";
        String where = origin == null ? "" : origin.at(1) + ": ";
        return switch (name) {
            case "/help" -> help(argument);
            case "/vars" -> argument.isEmpty() || argument.equals("-all") ? listVars(argument.equals("-all"))
                    : new Flow.Fail(where + "usage: /vars [-all]");
            case "/methods" -> listMethods();
            case "/imports" -> listImports();
            case "/list" -> listSnippets();
            case "/open" -> argument.isEmpty() ? new Flow.Fail(where + "usage: /open FILE") : open(argument, origin, where);
            case "/save" -> save(argument, where);
            case "/show" -> show(argument, where);
            case "/trace" -> trace(where);
            case "/reset" -> {
                session.reset();
                if (origin == null) {
                    out.println("all definitions dropped; startup imports reloaded");
                }
                yield Flow.CONTINUE;
            }
            case "/exit" -> exit(argument, where);
            default -> new Flow.Fail(where + "unknown command " + name + Suggestions.closest(name, HELP.keySet())
                    .map(c -> "; did you mean " + c + "?").orElse("; /help lists the commands"));
        };
    }

    /** {@code /help}, {@code /help TOPIC}, {@code /help COMMAND}; an unknown topic lists the topics. */
    private Flow help(String topic) {
        String key = topic.startsWith("/") ? topic : "/" + topic;
        if (topic.isEmpty()) {
            out.println("Type Java or DSL expressions; a snippet continues on the next line until it is complete.");
            out.println(style.heading("Commands"));
            HELP.values().forEach(line -> out.println("  " + line));
            out.println(style.heading("Topics"));
            out.println(Help.index());
        } else if (Help.find(topic).isPresent()) {
            out.println(Help.render(Help.find(topic).get(), style));
        } else if (HELP.containsKey(key)) {
            out.println(HELP.get(key));
        } else if (functionDocs(topic) != null) {
            out.println(functionDocs(topic));
        } else {
            List<String> known = new ArrayList<>(Help.topics().stream().map(Help.Topic::name).toList());
            known.addAll(HELP.keySet());
            out.println("no help on " + topic + Suggestions.closest(topic, known).map(c -> "; did you mean " + c + "?").orElse("")
                    + "\nThe topics:\n" + Help.index());
        }
        return Flow.CONTINUE;
    }

    /**
     * {@code /help check}: a DSL function's (or any method callable by that simple name) signatures
     * and Javadoc, as Tab shows them after {@code check(}; {@code null} when no such method is in scope.
     */
    private String functionDocs(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))
                || !name.codePoints().allMatch(Character::isJavaIdentifierPart)) {
            return null;
        }
        String call = name + "(";
        return ApiDocs.atCall(session.analysis(), call, call.length(), Repl.DEFAULT_COLUMNS);
    }

    /** {@code /show}: the last value in full; {@code /show NAME}: that variable's value in full. */
    private Flow show(String name, String where) {
        if (name.isEmpty()) {
            String value = last.value();
            out.println(value == null ? "no value has been shown yet" : value);
            return Flow.CONTINUE;
        }
        var variable = shell().variables()
                .filter(v -> shell().status(v).isActive() && v.name().equals(name))
                .findFirst();
        if (variable.isEmpty()) {
            List<String> names = shell().variables().filter(v -> shell().status(v).isActive()).map(v -> v.name()).toList();
            return new Flow.Fail(where + "no variable " + name
                    + Suggestions.closest(name, names).map(c -> "; did you mean " + c + "?").orElse(""));
        }
        try {
            String value = shell().varValue(variable.get());
            if (session.unshown() != null) {
                return new Flow.Fail(where + "could not show the value of " + name + ": " + session.unshown());
            }
            out.println(Messages.isString(variable.get().typeName()) ? JavaText.unquote(value) : value);
            return Flow.CONTINUE;
        } catch (IllegalStateException | IllegalArgumentException notDefined) {
            return new Flow.Fail(where + name + " has no value");
        }
    }

    /** {@code /trace}: the stack of the last exception, in the user's terms. */
    private Flow trace(String where) {
        Throwable failure = last.failure();
        if (failure == null) {
            return new Flow.Fail(where + "no exception to trace yet");
        }
        out.println(StackText.of(failure, session));
        return Flow.CONTINUE;
    }

    private JShell shell() {
        return session.shell();
    }

    /**
     * {@code /vars}: the user's variables by name ({@code x2} before {@code x10}), one line each — a
     * value of several lines (a trace, a plot) shows its first line and how to see it all; the
     * {@code $N} temporaries of bare expressions only with {@code -all}.
     */
    private Flow listVars(boolean all) {
        // A variable whose initializer threw holds a meaningless default: not shown.
        shell().variables()
                .filter(v -> shell().status(v).isActive() && !session.threw(v) && !session.isHidden(v))
                .filter(v -> all || v.subKind() != Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND)
                .sorted(Comparator.comparing(VarSnippet::name, NaturalOrder.INSTANCE))
                .forEach(v -> {
                    String value;
                    try {
                        value = shell().varValue(v);
                        if (session.unshown() != null) {
                            value = style.error("(could not show the value: " + session.unshown() + ")");
                        }
                    } catch (IllegalStateException | IllegalArgumentException notDefined) {
                        List<String> needs = shell().unresolvedDependencies(v).toList();
                        value = needs.isEmpty() ? "(dropped: its declaration does not compile now; it comes back when it does)"
                                : "(not defined: needs " + String.join(", ", needs) + ")";
                    }
                    out.println(v.typeName() + " " + v.name() + " = " + oneLine(value, "/show " + v.name()));
                });
        return Flow.CONTINUE;
    }

    /** The value's first line, cut to {@value #VARS_CHARS} characters, with a note when anything was left out. */
    private String oneLine(String value, String how) {
        int newline = value.indexOf('\n');
        String first = newline < 0 ? value : value.substring(0, newline);
        long lines = value.lines().count();
        if (first.length() > VARS_CHARS) {
            first = first.substring(0, Character.isHighSurrogate(first.charAt(VARS_CHARS - 1)) ? VARS_CHARS - 1 : VARS_CHARS);
        }
        if (first.length() == value.length()) {
            return value;
        }
        String more = lines > 1 ? " (" + Display.count(lines) + " lines; " + how + " prints it all)" : " (" + how + " prints it all)";
        return first + style.note(" …" + more);
    }

    private Flow listMethods() {
        shell().methods().filter(m -> shell().status(m).isActive()).forEach(m -> out.println(describe(m)));
        return Flow.CONTINUE;
    }

    /** {@code (int,double)String} → {@code String f(int, double)}. */
    private static String describe(MethodSnippet m) {
        String signature = m.signature();
        int close = signature.lastIndexOf(')');
        String returnType = signature.substring(close + 1);
        String parameters = m.parameterTypes().replace(",", ", ");
        return returnType + " " + m.name() + "(" + parameters + ")";
    }

    private Flow listImports() {
        shell().imports().filter(i -> shell().status(i).isActive()).forEach(i -> out.println(i.source().strip()));
        return Flow.CONTINUE;
    }

    private List<Snippet> userSnippets() {
        return shell().snippets()
                .filter(s -> shell().status(s).isActive() && !session.isHidden(s))
                .toList();
    }

    private Flow listSnippets() {
        for (Snippet s : userSnippets()) {
            String indent = " ".repeat(7);
            String text = s.source().strip().replace("\n", "\n" + indent);
            out.printf("%4s : %s%n", s.id(), text);
        }
        return Flow.CONTINUE;
    }

    private Flow open(String file, Origin origin, String where) {
        Path path = resolve(file, origin);
        if (Files.isDirectory(path)) {
            return new Flow.Fail(where + file + " is a directory, not a script");
        }
        try (InputStream in = Files.newInputStream(path)) {
            Flow flow = new ScriptFeeder(session, this, err, ScriptFeeder.Mode.STRICT).feed(new Utf8Lines(in), file);
            return flow;
        } catch (NoSuchFileException e) {
            return new Flow.Fail(where + "no such file: " + file);
        } catch (IOException e) {
            return new Flow.Fail(where + "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A relative path is looked up beside the including script first, then in the working directory. */
    private static Path resolve(String file, Origin origin) {
        Path path = Path.of(file);
        if (origin != null && !path.isAbsolute()) {
            Path parent = Path.of(origin.file()).getParent();
            if (parent != null && Files.exists(parent.resolve(path))) {
                return parent.resolve(path);
            }
        }
        return path;
    }

    /** What was typed at the prompt, commands included, for {@code /save -history}. */
    void entered(String input) {
        history.add(input.strip());
    }

    /** {@code /save [-all|-history|-start] FILE}, as JShell's {@code /save}; plain {@code /save} writes what re-runs ({@link Saved}). */
    private Flow save(String argument, String where) {
        String[] words = argument.split("\\s+", 2);
        String option = words[0].startsWith("-") ? words[0] : "";
        String file = option.isEmpty() ? argument : words.length > 1 ? words[1].strip() : "";
        List<String> lines = switch (option) {
            case "" -> Saved.current(session);
            case "-all", "-a" -> Saved.all(session);
            case "-history", "-h" -> history.stream().filter(line -> !line.isEmpty()).toList();
            case "-start", "-s" -> Saved.startup(session);
            default -> null;
        };
        if (lines == null) {
            return new Flow.Fail(where + "unknown option " + option + " of /save: -all, -history or -start");
        }
        if (file.isEmpty()) {
            return new Flow.Fail(where + "usage: /save [-all|-history|-start] FILE");
        }
        String text = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        try {
            Files.writeString(Path.of(file), text, StandardCharsets.UTF_8);
            return Flow.CONTINUE;
        } catch (IOException e) {
            return new Flow.Fail(where + "cannot write " + file + ": " + e.getMessage());
        }
    }

    private static Flow exit(String argument, String where) {
        if (argument.isEmpty()) {
            return new Flow.Exit(0);
        }
        try {
            return new Flow.Exit(Integer.parseInt(argument));
        } catch (NumberFormatException e) {
            return new Flow.Fail(where + "usage: /exit [STATUS], STATUS an integer");
        }
    }
}
