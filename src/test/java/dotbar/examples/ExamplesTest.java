package dotbar.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dotbar.plot.Plot;
import dotbar.repl.ScriptRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed walk-through, {@code scripts/examples/*.jsh}, run as {@code scripts/dotbar FILE} runs them
 * (through {@link ScriptRunner}, in this JVM, with plots 80 columns wide): each must exit with 0 and
 * nothing on stderr, and print exactly its golden output {@code src/test/resources/examples/NAME.out}.
 *
 * <p>A golden file only says the output has not changed; so that it also says the output is right,
 * the key numbers of each example are checked here against independent oracles — closed forms,
 * hand-derived steps, plain Java loops of the update equations.
 *
 * <p>After an intended change of an example's output, rerun with {@code -Dexamples.update=true} to
 * rewrite the golden files, and read the difference before committing it.
 */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("scripts", "examples");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "examples");
    private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();
    private static int columns;

    @TempDir
    static Path pictures;

    record Run(int status, String out, String err) {}

    @BeforeAll
    static void fixedTerminal() {
        columns = Plot.columns();
        Plot.setColumns(80);
    }

    @AfterAll
    static void restoreTerminal() {
        Plot.setColumns(columns);
    }

    /** The example's run, once per test class: the race saves its pictures under {@link #pictures}. */
    private static Run run(String name) {
        return RUNS.computeIfAbsent(name, n -> {
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            List<String> args = n.equals("07-race") || n.equals("09-digits") ? List.of(pictures.toString()) : List.of();
            int status = ScriptRunner.run(EXAMPLES.resolve(n + ".jsh"), args,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"01-momentum", "02-adagrad", "03-rmsprop", "04-adam", "05-forward-reverse", "06-vanishing", "07-race",
            "08-backprop-matrix", "09-digits"})
    void printsItsGoldenOutput(String name) throws IOException {
        Run r = run(name);
        assertEquals("", r.err(), name + ": stderr");
        assertEquals(ScriptRunner.OK, r.status(), name + ": exit status");
        String golden;
        if (Boolean.getBoolean("examples.update")) {
            golden = r.out();
            Files.writeString(GOLDEN.resolve(name + ".out"), golden, StandardCharsets.UTF_8);
        } else {
            try (InputStream in = ExamplesTest.class.getResourceAsStream("/examples/" + name + ".out")) {
                if (in == null) fail("no golden file " + GOLDEN.resolve(name + ".out") + "; run with -Dexamples.update=true to write it");
                golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        List<String> want = golden.lines().toList(), got = r.out().lines().toList();
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            assertEquals(want.get(i), got.get(i), name + ".out line " + (i + 1));
        }
        assertEquals(want.size(), got.size(), name + ": number of lines");
        assertEquals(golden, r.out(), name + ": line ends");
    }

    @Test
    void everyExampleNamesTheSeedsEquations() throws IOException {
        try (var files = Files.list(EXAMPLES)) {
            var scripts = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".jsh")).sorted().toList();
            assertEquals(List.of("01-momentum.jsh", "02-adagrad.jsh", "03-rmsprop.jsh", "04-adam.jsh", "05-forward-reverse.jsh",
                    "06-vanishing.jsh", "07-race.jsh", "08-backprop-matrix.jsh", "09-digits.jsh"), scripts);
        }
        for (String name : List.of("01-momentum", "02-adagrad", "03-rmsprop", "04-adam", "05-forward-reverse", "06-vanishing",
                "08-backprop-matrix", "09-digits")) {
            assertTrue(Pattern.compile("eq\\. \\(\\d+\\)").matcher(run(name).out().lines().findFirst().orElse("")).find(),
                    name + " names its equations in its first line");
        }
    }

    // ---- the key numbers, from independent oracles ----------------------------------------

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?(e[-+]\\d+)?");

    /** Every number written in {@code text}, in order. */
    private static double[] numbers(String text) {
        Matcher m = NUMBER.matcher(text);
        var values = new java.util.ArrayList<Double>();
        while (m.find()) values.add(Double.parseDouble(m.group()));
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The first line of {@code out} after the first line containing {@code after} that satisfies {@code test}. */
    private static String line(String out, String after, java.util.function.Predicate<String> test) {
        List<String> lines = out.lines().toList();
        int from = 0;
        while (from < lines.size() && !lines.get(from).contains(after)) from++;
        assertTrue(from < lines.size(), "no line containing '" + after + "' in\n" + out);
        return lines.subList(from + 1, lines.size()).stream().filter(test).findFirst()
                .orElseThrow(() -> new AssertionError("no such line after '" + after + "' in\n" + out));
    }

    /** The numbers of the first table row after {@code after} whose first cell is {@code first}. */
    private static double[] row(String out, String after, String first) {
        return numbers(line(out, after, l -> !l.isBlank() && l.strip().split("\\s+")[0].equals(first)));
    }

    private static void near(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, relative * Math.abs(expected), what);
    }

    @Test
    void momentumIsTheParticleAndTorchsHeavyBallWithASmallerRate() {
        String out = run("01-momentum").out();
        // the seed's eq. (1)–(2) on L = x²/2 + 5y² from (2, 1), η = 0.05, α = 0.9, by a plain loop, and
        // torch's heavy ball b ← αb + g, θ ← θ − η(1−α)b
        double[] th = {2, 1}, v = {0, 0}, hb = {2, 1}, b = {0, 0};
        for (int t = 1; t <= 50; t++) {
            double[] g = {th[0], 10 * th[1]}, gh = {hb[0], 10 * hb[1]};
            for (int i = 0; i < 2; i++) {
                v[i] = 0.9 * v[i] - 0.1 * g[i];
                th[i] += 0.05 * v[i];
                b[i] = 0.9 * b[i] + gh[i];
                hb[i] -= 0.05 * 0.1 * b[i];
            }
            if (t == 20) {
                double[] row = row(out, "Erratum: the seed's momentum", "20");
                near(th[0], row[1], 1e-3, "EMA momentum x at t = 20");
                near(hb[0], row[3], 1e-3, "heavy ball x at t = 20");
                near(hb[1], row[4], 1e-3, "heavy ball y at t = 20");
            }
        }
        double[] two = row(out, "Stepping both", "2");
        near(1.97105, two[1], 1e-3, "θ_2 x by hand: 2 − 0.01 − 0.05·0.379");
        near(0.8575, two[2], 1e-4, "θ_2 y by hand: 1 − 0.05 − 0.05·1.85");
        near(-0.379, two[5], 1e-4, "v_2 x = 0.9·(−0.2) − 0.1·1.99");
        near(-1.85, two[6], 1e-4, "v_2 y = 0.9·(−1) − 0.1·9.5");
        double[] fifty = row(out, "Stepping both", "50");
        near(th[0], fifty[1], 1e-3, "θ_50 x");
        near(th[1], fifty[2], 1e-3, "θ_50 y");
        near(th[0], fifty[3], 1e-3, "X_50 x, the particle's");
        near(v[1], fifty[8], 1e-3, "P_50/m y = v_50 y");
        assertTrue(out.contains("largest |θ_t − X_t| over 200 steps: < 1e-12 (rounding only)"), out);
        assertTrue(out.contains("largest |θ_t(momentum) − θ_t(SGD, lr = η(1−α))| over 200 steps: < 1e-12 (rounding only)"), out);
        double[] naive = row(out, "Erratum: the seed's momentum", "1");
        assertEquals(1.9, naive[5], 1e-12, "SGD(lr = 0.05, μ = 0.9) first step: 2 − 0.05·2");
        assertEquals(0.5, naive[6], 1e-12, "… and 1 − 0.05·10");
    }

    @Test
    void adagradRatesAndItsEarlyGradientWeakness() {
        String out = run("02-adagrad").out();
        // x² + 100y² at (1, 1): g = (2, 200), w = (4, 40000): θ_1 = (0.9, 0.9), rates η/√w = 0.05, 0.0005
        double[] one = row(out, "AdaGrad with η", "1");
        assertEquals(List.of(1.0, 0.9, 0.9, 0.05, 0.0005), java.util.Arrays.stream(one).boxed().toList());
        // step 2 by hand: g = (1.8, 180), w_x = 4 + 1.8², x = 0.9 − 0.1·1.8/√7.24
        near(0.9 - 0.1 * 1.8 / Math.sqrt(7.24), row(out, "AdaGrad with η", "2")[1], 1e-5, "x_2");
        assertTrue(out.contains("y_10 = (−19)^10 = " + dotbar.print.TextTable.number(Math.pow(19, 10)) + ";"), out);
        assertTrue(out.contains("x_5 = (1 − 2η)^5 = " + dotbar.print.TextTable.number(Math.pow(0.982, 5)) + " "), out);
        // L = 10e^(−x) − 0.01x at 0: g = −10.01
        double[] wall = row(out, "The weakness", "1");
        near(0.1 / 10.01, wall[2], 1e-3, "AdaGrad's rate after the first gradient: η/|g|");
        near(0.1 / Math.sqrt(0.01 * 10.01 * 10.01), wall[6], 1e-3, "RMSProp's: η/√((1−ρ)g²)");
        double[] late = row(out, "The weakness", "3000");
        near(10, late[6], 1e-3, "RMSProp on the slope: w → g² = 10⁻⁴, rate η/|g| = 10");
    }

    @Test
    void rmspropForgetsAtZeroPointNineNineToTheHundred() {
        String out = run("03-rmsprop").out();
        String r100 = dotbar.print.TextTable.number(Math.pow(0.99, 100));
        assertEquals("0.366032", r100);
        assertTrue(out.contains("at ρ = 0.99: " + r100), out);
        assertTrue(out.contains("(12)  w_3 = ρ²·(1 - ρ)·g1² + ρ·(1 - ρ)·g2² + (1 - ρ)·g3²"), out);
        // ρ = 0.9, g = (1, −2, −3): with the squares 0.081 + 0.36 + 0.9; as printed 0.081 − 0.18 − 0.3
        assertTrue(out.contains("it is -0.399 < 0") && out.contains("w_3 = 1.341 = "), out);
        double[] decay = row(out, "The same forgetting", "100");
        near(Math.pow(0.99, 100), decay[3], 1e-5, "(w_t − g²)/(w_T − g²) after 100 steps on the slope");
        near(Math.pow(0.99, 100), decay[4], 1e-5, "ρ^100");
        near(0.01 * 0.01 / Math.sqrt(decay[2]), decay[5], 1e-5, "the step η·|g|/√w");
    }

    @Test
    void adamsSignErratumBiasCorrectionAndFirstStep() {
        String out = run("04-adam").out();
        // (x−1)² + 10(y+2)² from (0, 0), η = 0.1: Adam's first step is η per coordinate down the slope,
        // θ_1 = (0.1, −0.1), L = 0.81 + 10·3.61; (13) as printed steps up, θ_1 = (−0.1, 0.1), L = 1.21 + 10·4.41
        double[] t1 = row(out, "Erratum in (13)", "1");
        near(36.91, t1[1], 1e-9, "adam after one step");
        near(45.31, t1[2], 1e-9, "(13) as printed after one step");
        assertTrue(out.contains("θ_1 = (0.1, -0.1)"), out);
        double[] t100 = row(out, "Erratum in (13)", "100");
        assertTrue(t100[1] < 1e-2 && t100[2] > 1000, "adam descends, (13) as printed climbs: " + t100[1] + ", " + t100[2]);
        // bias: mean w_t = E[g²](1 − ρ^t) = 5(1 − 0.999^t); mean v_t = −(1 − 0.9^t); corrected: 5 and −1
        double[] b10 = row(out, "With noisy gradients", "10");
        near(5 * (1 - Math.pow(0.999, 10)), b10[1], 1e-5, "mean w_10");
        near(5, b10[3], 1e-5, "mean ŵ_10");
        near(-(1 - Math.pow(0.9, 10)), b10[4], 1e-5, "mean v_10");
        near(-1, b10[6], 1e-5, "mean v̂_10");
        near(0.1 / Math.sqrt(0.001), row(out, "Without the correction", "1")[3], 1e-5, "uncorrected first step (1−α)/√(1−ρ)");
        Matcher mean = Pattern.compile("Δθ/η = (-?[0-9.]+)").matcher(line(out, "Far from the start", l -> l.contains("mean step")));
        assertTrue(mean.find());
        near(-1 / Math.sqrt(5), Double.parseDouble(mean.group(1)), 0.02, "(23): −E[g]/√E[g²]");
    }

    @Test
    void forwardAndReverseModeNumbersAndTheTwoPartsOfCBar() {
        String out = run("05-forward-reverse").out();
        // L = (σ(ab + c)·c − 1)² at (0.5, −1.2, 0.3), differentiated by hand
        double a = 0.5, b = -1.2, c = 0.3, w = a * b + c, s = 1 / (1 + Math.exp(-w)), phi = s * c;
        double phiBar = 2 * (phi - 1), wBar = s * (1 - s) * c * phiBar, cBar = wBar + s * phiBar;
        for (double d : row(out, "central difference", "∂L/∂a")) near(b * wBar, d, 1e-5, "ā = b·w̄, every way");
        for (double d : row(out, "central difference", "∂L/∂b")) near(a * wBar, d, 1e-5, "b̄ = a·w̄, every way");
        for (double d : row(out, "central difference", "∂L/∂c")) near(cBar, d, 1e-5, "c̄ = w̄ + σ(w)·φ̄, every way");
        double[] parts = numbers(line(out, "central difference", l -> l.startsWith("their sum is c̄")));
        near(cBar, parts[0], 1e-5, "c̄");
        near(wBar, parts[parts.length - 1], 1e-5, "the one-path c̄ of (29)–(30) read literally");
        assertTrue(out.contains("c               c̄ = ∂w/∂c · w̄ + ∂φ/∂c · φ̄"), out);
        // a neuron with n weights: n forward sweeps against one reverse sweep, and about n times the work
        for (int n : new int[]{3, 10, 30, 100, 300}) {
            double[] row = row(out, "A neuron with n weights", String.valueOf(n));
            assertEquals(n, row[1], 0, "forward sweeps for n = " + n);
            assertEquals(1, row[3], 0, "reverse sweeps");
            assertTrue(row[2] > n * row[4] / 3, "forward ops ≈ n × reverse ops: " + row[2] + " vs " + row[4]);
        }
    }

    @Test
    void vanishingGradientsStayUnderTheQuarterToTheM() {
        String out = run("06-vanishing").out();
        assertTrue(out.contains("(31) ā = ∂L/∂a = ∂w1/∂a · ∂φ1/∂w1 · ∂w2/∂φ1 · ∂φ2/∂w2 · ∂L/∂φ2"), out);
        double w = 0.5, product = 1;
        for (int m = 1; m <= 20; m++) {
            double s = 1 / (1 + Math.exp(-w));
            product *= s * (1 - s);
            w = s;
            double[] row = row(out, "== m layers ==", String.valueOf(m));
            near(product, row[1], 1e-3, "|∂L/∂a| through " + m + " sigmoids");
            near(Math.pow(0.25, m), row[3], 1e-3, "(1/4)^" + m);
            assertTrue(row[1] <= row[3], "under the bound at m = " + m);
            assertEquals(1, row[5], 0, "relu passes the gradient on unchanged");
        }
        assertTrue(out.contains("█ sigmoid |∂L/∂a|") && out.contains("(log scale)"), out);
    }

    /** The two-layer network's ∂L/∂W1, and its eq. (31) written with the defs, against plain Java backpropagation of the same numbers (issue 15). */
    @Test
    void theMatrixBackpropMatchesAHandWrittenLoop() {
        String out = run("08-backprop-matrix").out();
        double[][] W1 = {{0.2, -0.4, 0.1, 0.5}, {-0.3, 0.8, -0.6, 0.2}, {0.7, 0.1, 0.3, -0.5}}, W2 = {{0.6, -0.7, 0.2}, {-0.1, 0.4, 0.9}};
        double[] b1 = {0.1, -0.2, 0.3}, b2 = {-0.3, 0.2}, x = {1.0, 0.5, -1.5, 2.0}, y = {0.0, 1.0};
        double[] phi1 = new double[3], phi2 = new double[2], d2 = new double[2], d1 = new double[3];
        for (int i = 0; i < 3; i++) {
            double w = b1[i];
            for (int j = 0; j < 4; j++) w += W1[i][j] * x[j];
            phi1[i] = 1 / (1 + Math.exp(-w));
        }
        double loss = 0;
        for (int i = 0; i < 2; i++) {
            double w = b2[i];
            for (int j = 0; j < 3; j++) w += W2[i][j] * phi1[j];
            phi2[i] = 1 / (1 + Math.exp(-w));
            loss += (phi2[i] - y[i]) * (phi2[i] - y[i]) / 2;
            d2[i] = phi2[i] * (1 - phi2[i]) * (phi2[i] - y[i]);
        }
        for (int j = 0; j < 3; j++) {
            double s = 0;
            for (int i = 0; i < 2; i++) s += W2[i][j] * d2[i];
            d1[j] = phi1[j] * (1 - phi1[j]) * s;
        }
        near(loss, numbers(line(out, "== At numbers ==", l -> l.contains("L = ")))[0], 1e-5, "L");
        String first = line(out, "== At numbers ==", l -> l.contains("∂L/∂W1 = "));
        double[] row = numbers(first.substring(first.indexOf('=') + 1));
        for (int j = 0; j < 4; j++) near(d1[0] * x[j], row[j], 1e-5, "∂L/∂W1[0][" + j + "]");
        assertTrue(out.contains("largest difference from reverse mode over the 12 entries: below 1e-15"), out);
        // the backprop rows in the defs' names, eq. (31) written out, and its first row at the numbers against the loop
        String composed = java.text.Normalizer.normalize(out, java.text.Normalizer.Form.NFC);
        for (String r : List.of("φ̄2 = φ2 - y", "w̄2 = σ(w2) ⊙ (1 - σ(w2)) ⊙ φ̄2", "W̄2 = w̄2·φ1ᵀ", "φ̄1 = W2ᵀ·w̄2",
                "w̄1 = σ(w1) ⊙ (1 - σ(w1)) ⊙ φ̄1", "W̄1 = w̄1·xᵀ")) {
            assertTrue(composed.contains("\n  " + r + "\n"), r + " in\n" + out);
        }
        assertTrue(composed.contains("\n  ∂L/∂W1 = σ(w1) ⊙ (1 - σ(w1)) ⊙ (W2ᵀ·(σ(w2) ⊙ (1 - σ(w2)) ⊙ φ̄2))·xᵀ\n"), out);
        String by31 = line(out, "== At numbers ==", l -> l.contains("eq. (31)'s first row at these numbers: "));
        double[] row31 = numbers(by31.substring(by31.indexOf(": ") + 2));
        for (int j = 0; j < 4; j++) near(d1[0] * x[j], row31[j], 1e-5, "eq. (31), ∂L/∂W1[0][" + j + "]");
        // eq. (31): through eight sigmoid layers the gradient reaching W1 shrinks by more than 10⁴
        double[] m1 = numbers(line(out, "‖∂L/∂W1‖ sigmoid", l -> l.startsWith("1 "))), m8 = numbers(line(out, "‖∂L/∂W1‖ sigmoid", l -> l.startsWith("8 ")));
        assertTrue(m8[1] < m1[1] / 1e4, "sigmoid: " + m1[1] + " at one layer, " + m8[1] + " at eight");
        assertTrue(m8[2] > m1[2] / 100, "ReLU: " + m1[2] + " at one layer, " + m8[2] + " at eight");
    }

    @Test
    void theRaceSavesItsPicturesWhereItIsTold() throws Exception {
        String out = run("07-race").out();
        assertTrue(out.contains("Saved the maps with every optimizer's path: rosenbrock.svg, rosenbrock.png, beale.svg, beale.png"), out);
        assertTrue(!out.contains(pictures.toString()), "no absolute path printed");
        for (String f : List.of("rosenbrock", "beale")) {
            var svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pictures.resolve(f + ".svg").toFile());
            assertEquals("svg", svg.getDocumentElement().getTagName());
            assertTrue(Files.size(pictures.resolve(f + ".svg")) < 5_000_000, f + ".svg is not huge");
            assertEquals(800, ImageIO.read(pictures.resolve(f + ".png").toFile()).getWidth());
        }
        // the seed's momentum is torch's heavy ball with lr = η(1−α): the two rows end at the same point
        double[] sgd = row(out, "== Rosenbrock", "sgd"), momentum = row(out, "== Rosenbrock", "momentum");
        assertEquals(0.9, sgd[0], 0, "μ");
        near(momentum[0] * 0.1, sgd[1], 1e-9, "η(1−α)");
        assertEquals(List.of(momentum[1], momentum[2], momentum[3]), List.of(sgd[2], sgd[3], sgd[4]), "same end point and loss");
        // Adam reaches Rosenbrock's minimum (1, 1); gd, with its best rate, is still in the valley
        assertTrue(out.lines().anyMatch(l -> l.matches("adam +[0-9.]+ +1 +1 +< 1e-12 +< 1e-6 +< 1e-6")), out);
        assertTrue(row(out, "== Rosenbrock", "gd")[3] > 0.01, "gd's loss");
        // rmsprop's steps stay of the order of η: it hops instead of settling
        double[] rmsprop = row(out, "== Rosenbrock", "rmsprop");
        assertTrue(rmsprop[5] > rmsprop[0] / 3, "rmsprop's mean step " + rmsprop[5] + " against η = " + rmsprop[0]);
    }

    /**
     * The digits race (issue 16): sgd's rows and the best run's epochs against the same training
     * written as a plain Java loop ({@link dotbar.reference.RaceLoop}: the hand-written network,
     * torch's SGD, the documented split, start and minibatch order), every accuracy a fraction,
     * the best above 0.85, and the pictures saved and readable.
     */
    @Test
    void theDigitsRaceIsThePlainJavaTrainingLoop() throws Exception {
        String out = run("09-digits").out();
        List<String> lines = out.lines().toList();
        int from = lines.indexOf(lines.stream().filter(l -> l.startsWith("race: 5 epochs")).findFirst().orElseThrow()) + 3;
        List<String> table = lines.subList(from, from + 7);   // seven optimizers, after the header and its rule
        var digits = dotbar.reference.Digits.load();
        var parts = dotbar.reference.RaceLoop.split(digits, 0.8, 0);
        int n = 2410;
        var optimizers = new java.util.LinkedHashMap<String, dotbar.reference.Optimizer>();
        optimizers.put("sgd η=0.1", new dotbar.reference.Sgd(n, 0.1, 0, 0));
        optimizers.put("sgd η=0.1 μ=0.9", new dotbar.reference.Sgd(n, 0.1, 0.9, 0));
        optimizers.put("momentum η=0.1", new dotbar.reference.EmaMomentum(n, 0.1, 0.9));
        optimizers.put("adagrad η=0.05", new dotbar.reference.Adagrad(n, 0.05, 1e-10, 0));
        optimizers.put("rmsprop η=0.001", new dotbar.reference.RmsProp(n, 0.001, 0.99, 1e-8, 0));
        optimizers.put("adam η=0.001", dotbar.reference.Adam.adam(n, 1e-3, 0.9, 0.999, 1e-8, 0));
        optimizers.put("adamw η=0.001", dotbar.reference.Adam.adamW(n, 1e-3, 0.9, 0.999, 1e-8, 0.01));
        optimizers.forEach((label, optimizer) -> {
            double[][] loop = dotbar.reference.RaceLoop.run(parts[0], parts[1], 0, optimizer, 5, 32, 0);
            String line = table.stream().filter(l -> l.matches(Pattern.quote(label) + " +5 .*")).findFirst()
                    .orElseThrow(() -> new AssertionError(label + " in\n" + out));
            double[] row = numbers(line.substring(label.length()));
            assertEquals(5, row[0], 0, label + ": epochs");
            for (int k = 0; k < 4; k++) near(loop[5][k], row[1 + k], 1e-5, label + ": column " + k + " after 5 epochs");
            if (label.equals("sgd η=0.1 μ=0.9")) {
                assertTrue(out.contains("best test accuracy: " + label + ", "), "the best is " + label);
                for (int e = 0; e <= 5; e++) {
                    double[] epoch = row(out, "per epoch, over all rows", String.valueOf(e));
                    for (int k = 0; k < 4; k++) near(loop[e][k], epoch[2 + k], 1e-5, "the best run's epoch " + e + ", column " + k);
                }
            }
        });
        double best = 0;
        for (String l : table) {
            double[] r = numbers(l.replaceAll("^\\S+( [^ ]+=[^ ]+)*", ""));
            assertEquals(5, r.length, "epochs and four scores: " + l);
            for (int k = 3; k < 5; k++) assertTrue(r[k] >= 0 && r[k] <= 1, "an accuracy in [0, 1]: " + l);
            best = Math.max(best, r[4]);
        }
        assertTrue(best > 0.85, "the best test accuracy " + best);
        assertTrue(out.contains("Saved the curves: digits-loss.svg, digits-accuracy.svg, digits-loss.png, digits-accuracy.png"), out);
        for (String f : List.of("digits-loss", "digits-accuracy")) {
            var svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pictures.resolve(f + ".svg").toFile());
            assertEquals("svg", svg.getDocumentElement().getTagName());
            assertEquals(800, ImageIO.read(pictures.resolve(f + ".png").toFile()).getWidth());
        }
    }
}
