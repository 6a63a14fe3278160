package dotbar.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.DotBar;
import dotbar.base.DotbarException;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * dotbar's checker against an outside reference: the claims of {@code src/test/resources/claims/claims.tsv}
 * (chain, product and quotient rules, activations, the seed's eq. (24)–(31) on abstract and concrete
 * graphs, optimizer unrollings, trigonometric and hyperbolic identities, algebra, claims off by a sign,
 * a factor or 10⁻⁹), each with SymPy 1.14's verdict and the truth from mpmath, both computed outside
 * the project by {@code claims/sympy_verdicts.py}. dotbar must be right wherever SymPy decides
 * (✓ where SymPy holds, ✗ where it fails; on the one row where SymPy's verdict contradicts the
 * numbers, right means agreeing with the numbers), never contradict the truth, and decide at
 * least as many claims as SymPy.
 */
class SympyClaimsTest {
    record Row(int line, String category, String setup, String claim, String assume, String sympy, String truth, String simplified) {
        /** SymPy refutes a claim that holds wherever both sides are defined: simplify left a Piecewise with nan where a side is undefined. */
        boolean sympyRefutesAtAnUndefinedPoint() {
            return sympy.equals("fails") && truth.equals("holds") && simplified.contains("nan");
        }
    }

    static List<Row> rows() throws IOException {
        var rows = new ArrayList<Row>();
        try (var in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(SympyClaimsTest.class.getResourceAsStream("/claims/claims.tsv")), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.startsWith("#") || line.startsWith("category\t") || line.isBlank()) continue;
                String[] f = line.split("\t", -1);
                assertEquals(9, f.length, "claims.tsv line " + n + ": " + line);
                rows.add(new Row(n, f[0], f[1], f[2], f[5], f[6], f[7], f[8]));
            }
        }
        return rows;
    }

    /** The declarations and definitions a claim needs: {@code declare F(u); def wc(a, b, c) = a*b + c}. */
    static void setUp(String setup) {
        for (String item : setup.split(";")) {
            String s = item.strip();
            if (s.isEmpty()) continue;
            if (s.startsWith("declare ")) DotBar.declare(s.substring(8));
            else if (s.startsWith("def ")) DotBar.def(s.substring(4));
            else throw new IllegalArgumentException("setup: " + s);
        }
    }

    static String verdict(Check c) {
        return switch (c.verdict()) {
            case SIMPLIFIED, RANDOM_POINTS -> "holds";
            case COUNTEREXAMPLE -> "fails";
            case UNDECIDED -> "undecided";
        };
    }

    /** Per category: claims, decided by SymPy / right, decided by dotbar / right. */
    static final class Counts {
        int claims, sympyDecided, sympyRight, dotbarDecided, dotbarRight;

        void add(Counts o) {
            claims += o.claims;
            sympyDecided += o.sympyDecided;
            sympyRight += o.sympyRight;
            dotbarDecided += o.dotbarDecided;
            dotbarRight += o.dotbarRight;
        }

        String line(String name) {
            return String.format("%-14s %6d %14d %12d %14d %12d", name, claims, sympyDecided, sympyRight, dotbarDecided, dotbarRight);
        }
    }

    @Test
    void dotbarIsRightWhereverSympyDecidesAndDecidesAtLeastAsMany() throws IOException {
        List<Row> rows = rows();
        assertTrue(rows.size() >= 150, rows.size() + " claims");
        var counts = new LinkedHashMap<String, Counts>();
        var wrong = new ArrayList<String>();
        var sympyMisses = new ArrayList<String>();
        for (Row r : rows) {
            String got;
            String why;
            java.util.Optional<String> domain = java.util.Optional.empty();
            try {
                setUp(r.setup());
                Check c = DotBar.check(r.claim());
                got = verdict(c);
                why = c.toString();
                domain = c.domain();
                if (got.equals("undecided") && c.reason().isBlank()) wrong.add("line " + r.line() + ": undecided without a reason: " + r.claim());
            } catch (DotbarException e) {
                got = "error";
                why = e.getMessage();
            }
            boolean sympyDecides = !r.sympy().equals("undecided");
            boolean truthKnown = !r.truth().equals("unknown");
            // right: the truth where it is known (from the numbers), else SymPy's verdict
            String right = truthKnown ? r.truth() : r.sympy();
            // where SymPy refutes for an undefined point, dotbar must say where the claim holds
            if (r.sympyRefutesAtAnUndefinedPoint() && got.equals("holds") && domain.isEmpty()) {
                wrong.add("line " + r.line() + ": SymPy refutes at a point where a side is undefined (" + r.simplified()
                        + "); dotbar says it holds without saying where\n    " + why);
            }
            if (sympyDecides && truthKnown && !r.sympy().equals(r.truth())) sympyMisses.add(r.claim() + " (SymPy: " + r.sympy() + ", truth: " + r.truth() + ", dotbar: " + got + ")");
            Counts k = counts.computeIfAbsent(r.category(), x -> new Counts());
            k.claims++;
            if (sympyDecides) k.sympyDecided++;
            if (sympyDecides && r.sympy().equals(right)) k.sympyRight++;
            boolean decides = got.equals("holds") || got.equals("fails");
            if (decides) k.dotbarDecided++;
            if (decides && got.equals(right)) k.dotbarRight++;
            if (sympyDecides && !got.equals(right)) {
                wrong.add("line " + r.line() + " [" + r.category() + "]: SymPy " + r.sympy() + ", truth " + r.truth() + ", dotbar " + got + "\n    " + why.replace("\n", "\n    "));
            } else if (decides && truthKnown && !got.equals(r.truth())) {
                wrong.add("line " + r.line() + " [" + r.category() + "]: truth " + r.truth() + ", dotbar " + got + "\n    " + why.replace("\n", "\n    "));
            }
        }
        var total = new Counts();
        counts.values().forEach(total::add);
        var table = new StringBuilder(String.format("%-14s %6s %14s %12s %14s %12s%n", "category", "claims", "SymPy decided", "SymPy right", "dotbar decided", "dotbar right"));
        counts.forEach((name, k) -> table.append(k.line(name)).append('\n'));
        table.append(total.line("all")).append('\n');
        if (!sympyMisses.isEmpty()) table.append("SymPy's verdict against the numbers: ").append(String.join("; ", sympyMisses)).append('\n');
        System.out.print(table);
        assertTrue(wrong.isEmpty(), wrong.size() + " claims wrong:\n" + String.join("\n", wrong) + "\n" + table);
        assertTrue(total.dotbarDecided >= total.sympyDecided, "dotbar decides fewer claims than SymPy\n" + table);
    }

    @Test
    void theTableCoversWhatIssue13Lists() throws IOException {
        Map<String, Integer> by = new LinkedHashMap<>();
        for (Row r : rows()) by.merge(r.category(), 1, Integer::sum);
        for (String c : List.of("chain", "product", "quotient", "activation", "seed-abstract", "seed-concrete", "optimizer", "trig", "tiny", "algebra")) {
            assertTrue(by.getOrDefault(c, 0) >= 10, c + ": " + by);
        }
        // wrong claims are there in number, and true ones
        long fails = rows().stream().filter(r -> r.truth().equals("fails")).count(), holds = rows().stream().filter(r -> r.truth().equals("holds")).count();
        assertTrue(fails >= 50 && holds >= 100, fails + " false, " + holds + " true");
    }
}
