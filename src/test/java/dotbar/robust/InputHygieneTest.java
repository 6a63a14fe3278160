package dotbar.robust;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a DotbarException that says what and where, and nothing is half-changed. */
class InputHygieneTest {
    @TempDir
    Path dir;

    private static String message(Supplier<?> call) {
        return assertThrows(DotbarException.class, call::get).getMessage();
    }

    @Test
    void controlCharactersInEchoedTextAreEscaped() {
        String m = message(() -> parse("\u001b]2;PWNED\u0007"));
        assertFalse(m.chars().anyMatch(c -> c == 0x1b || c == 0x07), m);
        assertTrue(m.contains("\\u001b]2;PWNED\\u0007"), m);
        assertFalse(message(() -> sym("a\u009bb")).contains("\u009b"), "C1 controls (CSI) too");
    }

    @Test
    void nullArgumentsNameTheParameter() {
        assertEquals("at: assignments is null", message(() -> at((String) null)));
        assertEquals("at: namesAndValues[0] is null", message(() -> at(null, 1.0)));
        assertEquals("def: definition is null", message(() -> def(null)));
        assertEquals("csv: path is null", message(() -> csv(null)));
        assertEquals("parse: text is null", message(() -> parse(null)));
        assertEquals("diff: e is null", message(() -> diff(null, "x")));
        assertEquals("grad: point is null", message(() -> grad(parse("x"), null)));
    }

    @Test
    void csvErrorsNameFileLineAndColumn() throws Exception {
        Path quote = dir.resolve("quote.csv");
        Files.writeString(quote, "x,y\n1,\"2\n3,4\n", StandardCharsets.UTF_8);
        assertTrue(message(() -> csv(quote.toString())).startsWith("cannot read " + quote), "an unterminated quote");
        Path cell = dir.resolve("cell.csv");
        Files.writeString(cell, "x,y\n1,2\n3,1d\n", StandardCharsets.UTF_8);
        assertEquals(cell + " line 3, column y: '1d' is not a finite number", message(() -> csv(cell.toString())));
        Path hex = dir.resolve("hex.csv");
        Files.writeString(hex, "x\n0x1p3\n", StandardCharsets.UTF_8);
        assertTrue(message(() -> csv(hex.toString())).contains("'0x1p3' is not a finite number"));
        if (Files.exists(Path.of("/dev/zero"))) {
            assertTrue(message(() -> csv("/dev/zero")).contains("is larger than"), "an endless file is refused, not read into memory");
        }
    }

    @Test
    void oneNumberSyntaxForParseAtAndCsv() {
        for (String bad : List.of("a=0x1p3", "a=1d", "a=2f", "a=Infinity", "a=NaN", "a=1e", "a=--1")) {
            assertTrue(message(() -> at(bad)).contains("is not a number"), bad);
        }
        assertEquals(0.015, at("a=1.5e-2").get("a"));
        assertEquals(-0.5, at("a=-.5").get("a"));
        assertEquals(Math.PI, at("a=pi").get("a"));
    }

    @Test
    void namesAreNfcNormalised() {
        assertSame(sym("ŵ"), sym("w\u0302"), "composed and decomposed are one symbol");
        assertEquals(parse("2*ŵ"), simplify(parse("w\u0302 + ŵ")));
        assertEquals(1.5, at("w\u0302=1.5").get("ŵ"));
        assertEquals(4.0, parse("ŵ^2").eval(at("w\u0302", 2.0)));
        def("nfc1(w\u0302) = ŵ^2");
        assertEquals(9.0, parse("nfc1(3)").eval(at("")));
        assertEquals(6.0, grad(parse("ŵ^2"), at("ŵ=3")).get("w\u0302"));
        assertEquals(parse("2*ŵ"), diff(parse("ŵ^2"), "w\u0302"));
    }

    @Test
    void duplicatesAndNonSymbolsAreRefused() {
        assertEquals("at(...): a is given twice", message(() -> at("a", 1, "a", 2)));
        assertTrue(message(() -> at("a=1, a=2")).contains("given twice"));
        assertTrue(message(() -> parse("x").subs("1x", parse("2"))).contains("not a symbol name"));
        assertTrue(message(() -> parse("x").subs("x+y", 2)).contains("not a symbol name"));
        assertTrue(message(() -> sym("pi")).contains("is the constant π"), "sym(\"pi\") printed pi, which parses back as π");
        assertEquals(Math.PI, parse("pi").eval(at("")), "pi in a formula is still π");
    }

    @Test
    void secondDerivativesMeanWhatTheySay() {
        assertTrue(check("d^2/dx x^3 = 6*x").holds(), "d^2/dx is d²/dx²");
        assertFalse(check("d^2/dx x^3 = 3*x^2").holds());
        assertTrue(check("d²/dx² x^3 = 6*x").holds());
        assertTrue(message(() -> check("d^99999999999/dx x = 0")).contains("too large"));
    }

    @Test
    void superscriptExponentsAreExactOrRefused() {
        assertEquals(parse("x^123"), parse("x¹²³"));
        assertEquals(parse("x^9007199254740992"), parse("x⁹⁰⁰⁷¹⁹⁹²⁵⁴⁷⁴⁰⁹⁹²"), "2⁵³ is exact");
        assertTrue(message(() -> parse("x⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹")).contains("above 2⁵³"));
    }

    /** log(1 + w·u) is NaN on the row u = −1 once w > 1: the step drawing it fails, and the next step draws that row again. */
    @Test
    void aFailedStepLeavesTheMinibatchStreamAsItWas() {
        var data = data("u", new double[][] {{1}, {2}, {-1}, {3}, {4}});
        Expr perSample = parse("(w - u)^2 + log(1 + w*u)");
        var opt = sgd(perSample, data, at("w=0")).batch(1).seed(7).lr(0.1);
        String first = null;
        for (int i = 0; i < 200 && first == null; i++) {
            try {
                opt.step();
            } catch (DotbarException e) {
                first = e.getMessage();
            }
        }
        assertTrue(first != null, "some step draws u = −1");
        long t = opt.t();
        double w = opt.at().get("w");
        String again = message(opt::step);
        assertEquals(first, again, "the same minibatch again");
        assertEquals(t, opt.t());
        assertEquals(w, opt.at().get("w"));
    }

    @Test
    void aFailedSaveSaysWhyAndNamesTheFileAskedFor() {
        if (!Files.isDirectory(Path.of("/proc"))) return;
        String m = message(() -> plot("x", "x", 0, 1).save("/proc/dotbar-test.svg"));
        assertEquals("save: could not write /proc/dotbar-test.svg: the folder does not accept new files", m);
    }

    @Test
    void aClosedStandardInputIsDetectedByTheLauncher() throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "scripts/dotbar <&-").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher ends");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("standard input is closed"), out);
    }
}
