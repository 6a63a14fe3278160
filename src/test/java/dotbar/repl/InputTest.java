package dotbar.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.BufferImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Line editing pieces: continuation, completion, LaTeX names, command suggestions. */
class InputTest {

    private static Session session;

    @BeforeAll
    static void open() {
        session = new Session(System.out, System.err);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void unfinishedSnippetsAskForMoreLines() {
        InputParser parser = new InputParser(session::analysis);
        assertTrue(parser.isIncomplete("int f() {"));
        assertTrue(parser.isIncomplete("int x = 1; int y = 2 +"));
        assertTrue(parser.isIncomplete("String s = parse(\"a\","));
        assertFalse(parser.isIncomplete("1 + 1"));
        assertFalse(parser.isIncomplete("int f() {\n  return 1;\n}"));
        assertFalse(parser.isIncomplete("/open x.jsh"));
        assertFalse(parser.isIncomplete("// a comment"));
        assertFalse(parser.isIncomplete("int x = ;"), "a syntax error is complete: the compiler reports it");
        try {
            parser.parse("int f() {", 9, ParseContext.ACCEPT_LINE);
            throw new AssertionError("expected EOFError");
        } catch (EOFError expected) {
            // JLine shows the continuation prompt
        }
        ParsedLine line = parser.parse("var y = Math.sq", 15, ParseContext.COMPLETE);
        assertEquals("sq", line.word());
    }

    @Test
    void completesJavaNamesAndLatexNames() {
        ReplCompleter completer = new ReplCompleter(session::analysis);
        InputParser parser = new InputParser(session::analysis);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parser.parse("Math.sq", 7, ParseContext.COMPLETE), candidates);
        assertTrue(candidates.stream().anyMatch(c -> c.value().equals("sqrt(")), candidates.toString());

        candidates.clear();
        completer.complete(null, parser.parse("double \\al", 10, ParseContext.COMPLETE), candidates);
        assertTrue(candidates.stream().anyMatch(c -> c.value().equals("\\alpha")), candidates.toString());

        candidates.clear();
        completer.complete(null, parser.parse("/li", 3, ParseContext.COMPLETE), candidates);
        assertTrue(candidates.stream().anyMatch(c -> c.value().equals("list")), candidates.toString());
    }

    @Test
    void tabTurnsLatexNamesIntoSymbols() {
        assertEquals("double θ", expand("double \\theta"));
        assertEquals("∂L/∂φ", expand("∂L/∂\\phi"));
        assertEquals("x = ψ", expand("x = \\ps"), "a prefix of one name");
        assertEquals("x = \\p", expand("x = \\p"), "pi, phi, psi, partial: left for the menu");
    }

    private static String expand(String typed) {
        BufferImpl buffer = new BufferImpl();
        buffer.write(typed);
        Greek.expandBeforeCursor(buffer);
        return buffer.toString();
    }

    @Test
    void suggestsTheClosestCommand() {
        List<String> commands = List.copyOf(Commands.HELP.keySet());
        assertEquals("/vars", Messages.closest("/var", commands));
        assertEquals("/exit", Messages.closest("/exti", commands));
        assertNull(Messages.closest("/frobnicate", commands));
    }
}
