package dotbar.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The help topics of {@code /help TOPIC}, read from the resource {@code dotbar/repl/help.txt}.
 *
 * <p>In that file a line {@code == name | summary} starts a topic. Examples are transcripts of a
 * session, indented by two spaces: a line {@code dotbar> code} is typed input (continued by lines
 * {@code    ...> more}), and the indented lines after it, up to a blank or unindented line, are
 * what the REPL prints. A test replays every transcript and checks both that it runs and that the
 * REPL prints what the help says, so the help cannot drift from the program.
 */
final class Help {

    static final String RESOURCE = "/dotbar/repl/help.txt";

    /** The prompts as transcripts show them, after the two-space indent. */
    static final String PROMPT = Repl.PROMPT;
    static final String CONTINUATION = Repl.CONTINUATION;

    /** One topic: its name ({@code diff}), one line saying what it covers, and its text. */
    record Topic(String name, String summary, String text) {

        /** The transcripts in the text, in order. */
        List<Example> examples() {
            List<Example> examples = new ArrayList<>();
            List<String> input = null;
            List<String> output = new ArrayList<>();
            for (String line : text.split("\n", -1)) {
                String body = line.startsWith("  ") ? line.substring(2) : null;
                if (body != null && body.startsWith(PROMPT)) {
                    if (input != null) {
                        examples.add(new Example(input, output));
                    }
                    input = new ArrayList<>(List.of(body.substring(PROMPT.length())));
                    output = new ArrayList<>();
                } else if (body != null && input != null && output.isEmpty() && body.startsWith(CONTINUATION)) {
                    input.add(body.substring(CONTINUATION.length()));
                } else if (body != null && input != null && !line.isBlank()) {
                    output.add(body);
                } else if (input != null) {
                    examples.add(new Example(input, output));
                    input = null;
                }
            }
            if (input != null) {
                examples.add(new Example(input, output));
            }
            return examples;
        }
    }

    /**
     * One transcript entry.
     *
     * @param input  the typed lines (the first after the prompt, the rest after continuation prompts)
     * @param output the lines the REPL prints; empty when the help does not show them
     */
    record Example(List<String> input, List<String> output) {

        /** The typed code. */
        String code() {
            return String.join("\n", input);
        }

        /** The entry as the screen shows it: prompts, typed lines, printed lines. */
        String screen() {
            StringBuilder b = new StringBuilder(PROMPT).append(input.get(0)).append('\n');
            for (String more : input.subList(1, input.size())) {
                b.append(CONTINUATION).append(more).append('\n');
            }
            output.forEach(line -> b.append(line).append('\n'));
            return b.toString();
        }
    }

    private static volatile List<Topic> topics;

    private Help() {
    }

    /** Every topic, in the file's order. */
    static List<Topic> topics() {
        List<Topic> t = topics;
        if (t == null) {
            t = read();
            topics = t;
        }
        return t;
    }

    /** The topic of that name, if any. */
    static Optional<Topic> find(String name) {
        return topics().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The topics, one per line: {@code   diff      derivatives: …}. */
    static String index() {
        int width = topics().stream().mapToInt(t -> t.name().length()).max().orElse(0);
        return topics().stream()
                .map(t -> "  /help " + t.name() + " ".repeat(width - t.name().length() + 2) + t.summary())
                .collect(Collectors.joining("\n"));
    }

    /** A topic's text for the screen: its summary as a heading, prompts of examples coloured. */
    static String render(Topic topic, Style style) {
        StringBuilder b = new StringBuilder(style.heading(topic.name() + ": " + topic.summary())).append('\n');
        for (String line : topic.text().split("\n", -1)) {
            if (line.startsWith("  " + PROMPT)) {
                b.append("  ").append(style.prompt(PROMPT.strip())).append(' ').append(line.substring(2 + PROMPT.length()));
            } else if (line.startsWith("  " + CONTINUATION)) {
                b.append("  ").append(style.prompt(CONTINUATION.stripTrailing())).append(' ')
                        .append(line.substring(2 + CONTINUATION.length()));
            } else {
                b.append(line);
            }
            b.append('\n');
        }
        return b.toString().stripTrailing();
    }

    private static List<Topic> read() {
        String text;
        try (InputStream in = Help.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Topic> read = new ArrayList<>();
        String[] head = null;
        StringBuilder body = new StringBuilder();
        for (String line : (text + "\n== ").split("\n", -1)) {
            if (!line.startsWith("== ")) {
                body.append(line).append('\n');
                continue;
            }
            if (head != null) {
                // the text starts at its first non-blank line, which may be an indented example
                read.add(new Topic(head[0].strip(), head.length > 1 ? head[1].strip() : "",
                        body.toString().replaceFirst("^\n+", "").stripTrailing()));
            }
            head = line.substring(3).split("\\|", 2);
            body.setLength(0);
        }
        return List.copyOf(read);
    }
}
