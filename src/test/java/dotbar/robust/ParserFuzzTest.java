package dotbar.robust;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The reliability suite's fuzzers, with fixed budgets per build and their seeds printed (replay
 * with {@code -Dfuzz.seed=…}): random text to the parser (≥ 10⁵ inputs: each parses and prints
 * back to itself, or is a DotbarException — never another exception), and random arguments to
 * the facade. The plot ranges have their own fuzzer ({@link PlotRangesFuzzTest}).
 */
class ParserFuzzTest {
    static final int PARSER_INPUTS = Integer.getInteger("fuzz.parser", 100_000);
    static final int FACADE_CALLS = Integer.getInteger("fuzz.facade", 3_000);

    private static final String[] PIECES = {
        "x", "y", "a1", "φ", "w_2", "θ", "ŵ", "w\u0302", "pi", "π", "e", "sin", "cos", "log", "exp", "sqrt", "σ", "sigmoid", "relu",
        "pow", "abs", "tanh", "f", "0", "1", "2", "3.5", ".5", "1e3", "1.5e-3", "1e400", "1e-400", "007", "9999999999999999999",
        "+", "-", "−", "*", "·", "×", "/", "÷", "^", "(", ")", ",", " ", "  ", "²", "³", "⁻¹", "⁺", "⁻", "⁹⁹⁹", "=", ".", "e+",
        "\t", "\n", "\u001b", "\u0000", "\u0302", "_", "∂", "@", "#", "$", "[", "]", "{", "}", "é", "Ω", "𝑥", "\uD835", "ᵀ",
    };

    private static String input(Random r) {
        var s = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(20) == 0) s.appendCodePoint(r.nextInt(0x3000));
            else s.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    @Test
    void randomTextParsesAndPrintsBackOrIsADotbarException() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("ParserFuzzTest parser seed " + seed + " (replay with -Dfuzz.seed=" + seed + "), " + PARSER_INPUTS + " inputs");
        Random r = new Random(seed);
        int parsed = 0;
        for (int i = 0; i < PARSER_INPUTS; i++) {
            String text = input(r);
            Expr e;
            try {
                e = parse(text);
            } catch (DotbarException expected) {
                continue;
            } catch (Throwable t) {
                throw new AssertionError("input " + i + " " + quote(text) + " (seed " + seed + "): " + t, t);
            }
            parsed++;
            String printed = e.toString();
            try {
                assertEquals(e, parse(printed), () -> "round trip of " + quote(text) + " via " + quote(printed) + " (seed " + seed + ")");
            } catch (DotbarException d) {
                throw new AssertionError("the printout " + quote(printed) + " of " + quote(text) + " does not parse (seed " + seed + "): "
                        + d.getMessage(), d);
            }
        }
        System.out.println("ParserFuzzTest: " + parsed + " of " + PARSER_INPUTS + " inputs parsed");
        assertTrue(parsed > PARSER_INPUTS / 50, "the generator makes enough valid input: " + parsed);
    }

    @Test
    void randomArgumentsToTheFacadeGiveResultsOrDotbarExceptions() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("ParserFuzzTest facade seed " + seed + ", " + FACADE_CALLS + " calls");
        Random r = new Random(seed);
        List<String> names = List.of("x", "y", "z", "1x", "", "x y", "π", "sin");
        double[] numbers = {0, -1, 0.5, 1e308, -1e308, 4.9e-324, Double.NaN, Double.POSITIVE_INFINITY};
        for (int i = 0; i < FACADE_CALLS; i++) {
            String text = input(r), name = names.get(r.nextInt(names.size()));
            double a = numbers[r.nextInt(numbers.length)], b = numbers[r.nextInt(numbers.length)];
            int call = r.nextInt(10);
            try {
                Expr e = r.nextBoolean() ? parse("x^2*y + sin(x)") : parse(text);
                Object result = switch (call) {
                    case 0 -> e.eval(at(name, a, "y", b));
                    case 1 -> diff(e, name);
                    case 2 -> grad(e, at("x", a, "y", b));
                    case 3 -> hessian(e, at("x", a, "y", b)).toString();
                    case 4 -> check(e, parse(text)).toString();
                    case 5 -> compile(e, name).value(new double[] {a});
                    case 6 -> forward(e, at("x", a, "y", b), name).toString();
                    case 7 -> e.subs(name, a).toString();
                    case 8 -> at(text).toString();
                    default -> plot(e, name, a, b).toString();
                };
                assertTrue(result != null);
            } catch (DotbarException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank(), "an empty message");
            } catch (Throwable t) {
                throw new AssertionError("call " + call + " with " + quote(text) + ", " + quote(name) + ", " + a + ", " + b
                        + " (seed " + seed + "): " + t, t);
            }
        }
    }

    private static String quote(String s) {
        var out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", c));
            else out.appendCodePoint(c);
        });
        return out.append('"').toString();
    }
}
