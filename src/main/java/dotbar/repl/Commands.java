package dotbar.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;

/**
 * The {@code /commands} of the REPL, also usable between snippets in scripts.
 */
final class Commands {

    /** Name → one-line help, in the order {@code /help} lists them. */
    static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put("/help", "/help [COMMAND|dsl]  this list, one command's help, or the DSL at a glance");
        HELP.put("/vars", "/vars               variables and their values");
        HELP.put("/methods", "/methods            methods you defined");
        HELP.put("/imports", "/imports            active imports");
        HELP.put("/list", "/list               the snippets you entered");
        HELP.put("/open", "/open FILE          run a script file in this session");
        HELP.put("/save", "/save FILE          save the snippets you entered (except those that threw) to FILE");
        HELP.put("/reset", "/reset              drop every definition, reload the startup imports");
        HELP.put("/exit", "/exit [STATUS]      leave (also Ctrl-D)");
    }

    private static final String DSL = """
            The DSL is imported: type Java, with these at hand.
              var e = parse("a*b + sin(c)^2");   var x = sym("x");   x.pow(2).times(sin(x))
              e.eval(at("a=1, b=2, c=0.5"))      diff(e, "c")         grad(e, at("a=1, b=2, c=0.5"))
              forward(e, p, "a")  reverse(e, p)  check("d/dx x^2 = 2*x")   compile(e, "a", "b", "c")
              adam(loss, at("x=-1.5, y=2")).lr(0.01).step(500)       plot(e, "x", -2, 2)
            Tab completes names; \\alpha Tab gives α. Ctrl-C stops a running snippet.""";

    private final Session session;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param session the state commands act on
     * @param out     where listings go
     * @param err     where warnings of opened files go
     */
    Commands(Session session, PrintStream out, PrintStream err) {
        this.session = session;
        this.out = out;
        this.err = err;
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
            case "/vars" -> listVars();
            case "/methods" -> listMethods();
            case "/imports" -> listImports();
            case "/list" -> listSnippets();
            case "/open" -> argument.isEmpty() ? new Flow.Fail(where + "usage: /open FILE") : open(argument, origin, where);
            case "/save" -> argument.isEmpty() ? new Flow.Fail(where + "usage: /save FILE") : save(argument, where);
            case "/reset" -> {
                session.reset();
                if (origin == null) {
                    out.println("all definitions dropped; startup imports reloaded");
                }
                yield Flow.CONTINUE;
            }
            case "/exit" -> exit(argument, where);
            default -> {
                String suggestion = Messages.closest(name, List.copyOf(HELP.keySet()));
                yield new Flow.Fail(where + "unknown command " + name
                        + (suggestion == null ? "; /help lists the commands" : "; did you mean " + suggestion + "?"));
            }
        };
    }

    private Flow help(String topic) {
        String key = topic.startsWith("/") ? topic : "/" + topic;
        if (topic.equals("dsl")) {
            out.println(DSL);
        } else if (HELP.containsKey(key)) {
            out.println(HELP.get(key));
        } else {
            out.println("Type Java or DSL expressions; a snippet continues on the next line until it is complete.");
            HELP.values().forEach(out::println);
        }
        return Flow.CONTINUE;
    }

    private JShell shell() {
        return session.shell();
    }

    private Flow listVars() {
        // A variable whose initializer threw holds a meaningless default: not shown.
        shell().variables().filter(v -> shell().status(v).isActive() && !session.threw(v)).forEach(v -> {
            String value;
            try {
                value = shell().varValue(v);
            } catch (IllegalStateException | IllegalArgumentException notDefined) {
                value = "(not defined: needs " + String.join(", ", shell().unresolvedDependencies(v).toList()) + ")";
            }
            out.println(v.typeName() + " " + v.name() + (value.contains("\n") ? " =\n" : " = ") + value);
        });
        return Flow.CONTINUE;
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

    private Flow save(String file, String where) {
        String text = userSnippets().stream()
                .filter(s -> !session.threw(s)) // the saved file should run as a script
                .map(s -> s.source().strip())
                .collect(Collectors.joining("\n", "", "\n"));
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
