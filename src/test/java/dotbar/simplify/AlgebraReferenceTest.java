package dotbar.simplify;

import static dotbar.DotBar.collect;
import static dotbar.DotBar.expand;
import static dotbar.DotBar.factor;
import static dotbar.DotBar.parse;
import static dotbar.DotBar.simplify;
import static dotbar.DotBar.together;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Op;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dotbar's exact algebra against SymPy 1.14's results, computed outside the project by
 * {@code src/test/resources/algebra/generate.py} and checked in beside it. Both sides are read into
 * the exact polynomial form over one table of atoms and compared there (structure, not strings).
 */
class AlgebraReferenceTest {
    static Stream<String[]> expandRows() { return rows("expand"); }
    static Stream<String[]> factorRows() { return rows("factor"); }
    static Stream<String[]> togetherRows() { return rows("together"); }
    static Stream<String[]> collectRows() { return rows("collect"); }
    static Stream<String[]> simplifyRows() { return rows("simplify"); }

    /** One table of atoms per row, so that both sides' sin(x) is one variable. */
    private final Atoms atoms = new Atoms();
    private final Expansion expansion = new Expansion(atoms, Budget.user("test"));
    private final Fractions fractions = new Fractions(atoms, Budget.user("test"));

    private Poly poly(Expr e) {
        return expansion.poly(e);
    }

    @ParameterizedTest(name = "expand({0}) = {1}")
    @MethodSource("expandRows")
    void expandAgreesWithSympy(String input, String sympy) {
        Expr mine = expand(parse(input));
        assertEquals(poly(parse(sympy)), poly(mine), () -> "dotbar " + mine + ", SymPy " + sympy);
        assertEquals(poly(mine).size(), topLevelTerms(mine), () -> mine + " has like terms or unexpanded products");
    }

    @ParameterizedTest(name = "factor({0}) = {1}")
    @MethodSource("factorRows")
    void factorAgreesWithSympy(String input, String sympyFactor, String sqfList, String factorList, String claim) {
        Expr mine = factor(parse(input));
        assertEquals(poly(parse(input)), poly(mine), () -> "factor gave " + mine + ", which is not " + input);
        assertEquals(poly(parse(sympyFactor)), poly(mine));
        SquareFree.Factored f = SquareFree.factor(poly(parse(input)), Budget.user("test"));
        // the square-free decomposition is unique up to numbers: the product of dotbar's factors of
        // each multiplicity is SymPy's square-free factor of that multiplicity
        var byMultiplicity = new HashMap<Integer, Poly>();
        for (var e : f.factors()) byMultiplicity.merge(e.getValue(), e.getKey(), (p, q) -> p.times(q, Budget.user("test"), "test"));
        byMultiplicity.replaceAll((m, p) -> PolyGcd.normalise(p));
        assertEquals(listing(sqfList), byMultiplicity, () -> "square-free parts of " + input + " (SymPy: " + sqfList + ")");
        if (claim.equals("full")) {
            assertEquals(multiset(listingEntries(factorList)), multiset(f.factors()), () -> "factors of " + input + " (SymPy: " + factorList + ")");
        }
        for (var e : f.factors()) {
            Poly p = e.getKey();
            int v = p.atoms().first();
            assertTrue(PolyGcd.gcd(p, p.derivative(v), Budget.user("test")).isConstant(), () -> p + " is not square-free");
        }
    }

    @ParameterizedTest(name = "together({0}) = {1}")
    @MethodSource("togetherRows")
    void togetherAgreesWithSympy(String input, String sympy) {
        Expr mine = together(parse(input));
        Fractions.Quotient a = sameQuotient(mine, sympy);
        Budget budget = Budget.user("test");
        // one quotient, reduced: no common factor left between its numerator and denominator
        assertTrue(PolyGcd.gcd(a.numerator(), a.denominator(), budget).isConstant(), () -> mine + " is not reduced");
        assertTrue(divisions(mine) <= 1, () -> mine + " is not over one denominator");
    }

    @ParameterizedTest(name = "collect({0}, {1}) = {2}")
    @MethodSource("collectRows")
    void collectAgreesWithSympy(String input, String symbol, String sympy) {
        Expr mine = collect(parse(input), symbol);
        assertEquals(poly(parse(sympy)), poly(mine), () -> "dotbar " + mine + ", SymPy " + sympy);
        // one term per power of the symbol (the terms free of it are written out)
        int x = atoms.of(dotbar.expr.Exprs.sym(symbol));
        var byPower = poly(mine).coefficients(x);
        int expected = byPower.size() - (byPower.containsKey(0) ? 1 - byPower.get(0).size() : 0);
        assertEquals(expected, topLevelTerms(mine), () -> mine + " is not collected in " + symbol);
    }

    @ParameterizedTest(name = "simplify({0}) = {1}")
    @MethodSource("simplifyRows")
    void simplifyAgreesWithSympy(String input, String sympy) {
        Expr mine = simplify(parse(input));
        sameQuotient(mine, sympy);
        assertTrue(mine.size() <= parse(sympy).size(), () -> "dotbar's " + mine + " is larger than SymPy's " + sympy);
    }

    /** mine = N₁/D₁ and SymPy's N₂/D₂ with N₁·D₂ = N₂·D₁ exactly; mine's quotient. */
    private Fractions.Quotient sameQuotient(Expr mine, String sympy) {
        Fractions.Quotient a = fractions.quotient(mine), b = fractions.quotient(parse(sympy));
        Budget budget = Budget.user("test");
        assertEquals(b.numerator().times(a.denominator(), budget, "test"), a.numerator().times(b.denominator(), budget, "test"),
                () -> "dotbar " + mine + ", SymPy " + sympy);
        return a;
    }

    @Test
    void theTablesAreThere() {
        assertTrue(expandRows().count() + factorRows().count() + togetherRows().count() + collectRows().count() + simplifyRows().count() >= 40);
    }

    private Map<Integer, Poly> listing(String text) {
        var out = new HashMap<Integer, Poly>();
        for (var e : listingEntries(text)) out.merge(e.getValue(), e.getKey(), (p, q) -> p.times(q, Budget.user("test"), "test"));
        out.replaceAll((m, p) -> PolyGcd.normalise(p));
        return out;
    }

    private List<Map.Entry<Poly, Integer>> listingEntries(String text) {
        var out = new ArrayList<Map.Entry<Poly, Integer>>();
        for (String item : text.split("\\|")) {
            int colon = item.indexOf(':');
            out.add(Map.entry(poly(parse(item.substring(colon + 1))), Integer.parseInt(item.substring(0, colon))));
        }
        return out;
    }

    private static Map<Poly, Integer> multiset(List<Map.Entry<Poly, Integer>> factors) {
        var out = new HashMap<Poly, Integer>();
        for (var e : factors) out.merge(PolyGcd.normalise(e.getKey()), e.getValue(), Integer::sum);
        return out;
    }

    /** The number of terms of the top-level sum (1 for anything else). */
    static int topLevelTerms(Expr e) {
        int n = 0;
        var pending = new java.util.ArrayDeque<Expr>();
        pending.push(e);
        while (!pending.isEmpty()) {
            Expr t = pending.pop();
            if (t instanceof Call c && (c.op() == Op.ADD || c.op() == Op.SUB)) {
                pending.push(c.args().get(0));
                pending.push(c.args().get(1));
            } else {
                n++;
            }
        }
        return n;
    }

    static long divisions(Expr e) {
        return dotbar.expr.Graph.topologicalOrder(e).stream().filter(n -> n instanceof Call c && c.op() == Op.DIV).count();
    }

    private static Stream<String[]> rows(String name) {
        try (InputStream in = AlgebraReferenceTest.class.getResourceAsStream("/algebra/sympy-" + name + ".tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t")).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
