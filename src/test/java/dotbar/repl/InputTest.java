package dotbar.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import dotbar.base.Suggestions;
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
        ReplCompleter completer = new ReplCompleter(session);
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

    private static List<String> complete(String line) {
        ReplCompleter completer = new ReplCompleter(session);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new InputParser(session::analysis).parse(line, line.length(), ParseContext.COMPLETE), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void insideFormulasTabOffersTheParsersFunctionsAndTheSessionsSymbols() {
        session.eval("var e1 = parse(\"θ1*radius + sin(ω)\");", null);
        session.eval("def(\"w1(a,b,c) = a*b + c\");", null);
        session.eval("var q = sym(\"gamma2\");", null);
        List<String> inParse = complete("var e2 = parse(\"w1(a, b, c) + si");
        assertTrue(inParse.containsAll(List.of("sin(", "sinh(", "sigmoid(", "sign(", "sqrt(", "w1(", "θ1", "radius", "ω", "gamma2", "pi", "π")),
                inParse.toString());
        assertFalse(inParse.contains("si"), "the word being typed is not offered: " + inParse);
        assertFalse(inParse.contains("sin"), "a called name is a function, not a symbol: " + inParse);
        assertFalse(inParse.contains("e1"), "Java variables are not symbols of formulas: " + inParse);
        assertTrue(complete("check(\"d/dx rad").contains("radius"));
        assertTrue(complete("contour(\"x^2 + ra").contains("radius"));
        assertTrue(complete("e1.eval(at(\"ra").contains("radius"), "at(\"name=value\") names symbols");
        assertTrue(complete("String s = \"ra").stream().noneMatch(c -> c.equals("radius")), "not in any string");
        assertTrue(complete("println(\"ra").isEmpty() || !complete("println(\"ra").contains("radius"));
        assertTrue(complete("parse(\"x\").pl").contains("plus("), "after the string, Java again");
    }

    @Test
    void theScannerKnowsWhereStringsAndCallsAre() {
        assertEquals("parse", inString("parse(\"a*b").call());
        assertEquals("def", inString("def( \"f(x) = x").call(), "the formula's own parentheses do not count");
        assertEquals("check", inString("foo(check(\"x").call());
        assertNull(inString("parse(\"a\") + b"), "after the closing quote");
        assertNull(inString("// parse(\"a"), "in a comment");
        assertNull(inString("/* parse(\"a */ x"), "in a block comment");
        assertEquals("parse", inString("char q = '\"'; parse(\"a").call(), "a quote in a character literal");
        assertEquals("parse", inString("parse(\"\\\"a").call(), "an escaped quote does not end the string");
        assertEquals("parse", inString("parse(\"\"\"\n  a*b").call(), "a text block");
        assertNull(inString("save(\"out"), "a file name is no formula");
        java.util.Set<String> names = new java.util.TreeSet<>();
        MathStrings.symbolNames("var e = parse(\"φ1(w) + a_2*sin(b)\"); foo(\"zz\"); at(\"c=1, d=2\")", names);
        assertEquals(java.util.Set.of("w", "a_2", "b", "c", "d"), names);
    }

    @Test
    void tabAfterAnOpeningParenthesisShowsSignaturesWithOurJavadoc() {
        String parse = docs("var e = parse(", 80);
        assertTrue(parse.contains("DotBar.parse(String text)\n    Parses math text: parse(\"a*b + sin(c)^2\")."), parse);
        session.eval("var e9 = parse(\"x\");", null);
        String subs = docs("e9.subs(\"x\", ", 80);
        assertTrue(subs.contains("Expr.subs(String name, Expr replacement)\n    Replaces every occurrence of the symbol name by replacement."), subs);
        assertTrue(subs.contains("Expr.subs(String name, double value)\n    Replaces every occurrence of the symbol name by the number value."), subs);
        String at = docs("at(", 80);
        assertTrue(at.contains("at(Object... namesAndValues)\n    A point from alternating names and values: at(\"a\", 0.5, \"b\", -1.2)."), at);
        String jdk = docs("Math.max(", 80);
        assertTrue(jdk.contains("Returns the greater of two"), "the JDK's own Javadoc, first sentence: " + jdk);
        assertNull(docs("pars", 80), "in a word Tab completes");
        assertNull(docs("1 + ", 80), "no call here");
        String narrow = docs("parse(", 30);
        assertTrue(narrow.lines().skip(1).allMatch(l -> l.length() <= 30), "wrapped to the terminal: " + narrow);
    }

    private static String docs(String text, int width) {
        return ApiDocs.atCall(session.analysis(), text, text.length(), width);
    }

    @Test
    void jshellSignaturesNameTheMethodWeLookUp() {
        ApiDocs.Method m = ApiDocs.Method.parse(
                "java.util.List<String> dotbar.X.f(java.util.Map<String,? extends Expr> m, double[] a, Object... rest)");
        assertEquals(new ApiDocs.Method("dotbar.X", "f", List.of("Map", "double[]", "Object[]")), m);
        assertEquals("X.f(Map,double[],Object[])", m.key());
        assertEquals("Expr.subs(String,double)", ApiDocs.Method.parse("Expr Expr.subs(String name, double value)").key());
        assertEquals("DotBar.sym(String)", ApiDocs.Method.parse("<T> Sym dotbar.DotBar.sym(String name)").key());
        assertNull(ApiDocs.Method.parse("not a signature"));
    }

    /** Where the end of {@code text} is, for Tab there. */
    private static MathStrings.Context inString(String text) {
        return MathStrings.at(text, text.length());
    }

    @Test
    void everyGreekLetterHasItsLatexNameAsUnicodeNamesIt() {
        // Unicode's name of each letter is the oracle: GREEK SMALL LETTER ALPHA is \alpha, CAPITAL is \Alpha
        int letters = 0;
        for (int c = 0x391; c <= 0x3C9; c++) {
            String name = Character.getName(c);
            if (name == null || c == 0x3C2 || !name.matches("GREEK (SMALL|CAPITAL) LETTER [A-Z]+")) {
                continue; // accented letters; U+03A2 is unassigned; U+03C2 is the final sigma, \varsigma
            }
            boolean small = name.contains("SMALL");
            String letter = name.substring(name.lastIndexOf(' ') + 1).toLowerCase().replace("lamda", "lambda");
            String latex = small ? letter : Character.toUpperCase(letter.charAt(0)) + letter.substring(1);
            if (c == 0x3C6 || c == 0x3B5) latex = "var" + latex;
            assertEquals(Character.toString(c), expand("\\" + latex), name);
            letters++;
        }
        assertEquals(48, letters, "24 letters, small and capital");
        assertEquals("ϕ ϵ", expand("\\phi") + " " + expand("\\epsilon"));
        assertEquals("∂ ∇ · × ² ⁻¹ ς", expand("\\partial") + " " + expand("\\nabla") + " " + expand("\\cdot") + " "
                + expand("\\times") + " " + expand("\\^2") + " " + expand("\\^-") + expand("\\^1") + " " + expand("\\varsigma"));
        assertEquals("x\\^a", expand("x\\^a"), "only digits and signs have superscripts");
        assertEquals("parse(\"φ1", expand("parse(\"\\varphi") + "1", "inside a string too");
    }

    @Test
    void tabTurnsLatexNamesIntoSymbols() {
        assertEquals("double θ", expand("double \\theta"));
        assertEquals("∂L/∂φ", expand("∂L/∂\\varphi"));
        assertEquals("x = ψ", expand("x = \\ps"), "a prefix of one name");
        assertEquals("x = \\p", expand("x = \\p"), "pi, phi, psi, partial: left for the menu");
    }

    /** One table: each letter Tab gives for {@code \\name} prints in LaTeX as {@code \\name} again (or as the Latin letter LaTeX uses). */
    @Test
    void whatIsTypedIsWhatLatexPrints() {
        int letters = 0;
        for (var entry : Greek.SYMBOLS.entrySet()) {
            String letter = entry.getValue();
            if (!Character.isLetter(letter.codePointAt(0))) continue;  // ∂ ∇ · × are no names
            // π is the constant, which prints as \\pi too; a letter as a name
            String printed = dotbar.DotBar.latex(letter.equals("π") ? dotbar.DotBar.parse("π") : dotbar.DotBar.sym(letter));
            assertTrue(printed.equals("\\" + entry.getKey()) || printed.matches("[A-Zo]"), entry + " prints as " + printed);
            letters++;
        }
        assertEquals(55, letters, "48 letters and 7 variant forms: ϵ ϑ ϰ ϖ ϱ ς ϕ");
        assertEquals("\\varphi_{1}", dotbar.DotBar.latex(dotbar.DotBar.sym(expand("\\varphi") + "1")));
        assertEquals("\\phi_{1}", dotbar.DotBar.latex(dotbar.DotBar.sym(expand("\\phi") + "1")));
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
        assertEquals("/vars", Suggestions.closest("/var", commands).orElseThrow());
        assertEquals("/exit", Suggestions.closest("/exti", commands).orElseThrow());
        assertTrue(Suggestions.closest("/frobnicate", commands).isEmpty());
    }
}
