package dotbar.parse;

import static dotbar.DotBar.*;
import static org.junit.jupiter.api.Assertions.*;

import dotbar.expr.Apply;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Fn;
import dotbar.expr.Functions;
import dotbar.expr.Graph;
import dotbar.expr.Partial;
import dotbar.testing.RandomExprs;

import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Partials typed in text: the Leibniz name {@code ∂f/∂g} resolves against the applications of f
 * in the same text (a claim's two sides together), {@code ∂g/∂u(x, y)} names the parameter and
 * the arguments itself; nested derivatives begin a claim. What the printers write reads back.
 */
class PartialsInTextTest {
    @BeforeEach
    void declareFunctions() {
        declare("f(u)");
        declare("g(x)");
        declare("h(u, v)");
    }

    @AfterEach
    void forgetFunctions() {
        Functions.clear();
    }

    private static Fn fn(String name) {
        return Functions.lookup(name).orElseThrow();
    }

    private static Expr partial(String f, List<Integer> wrt, String... args) {
        return Exprs.partial(fn(f), wrt, java.util.Arrays.stream(args).map(Parser::parse).toList());
    }

    private static ParseException error(String text) {
        return assertThrows(ParseException.class, () -> parse(text));
    }

    @Test
    void theChainRuleAsTheIssueWritesIt() {
        Claim c = Claim.parse("d/dx f(g(x)) = ∂f/∂g * ∂g/∂x");
        assertEquals(Exprs.mul(partial("f", List.of(0), "g(x)"), partial("g", List.of(0), "x")), c.rhs());
        assertTrue(check("d/dx f(g(x)) = ∂f/∂g * ∂g/∂x").holds());
        assertFalse(check("d/dx f(g(x)) = ∂f/∂g").holds());
    }

    @Test
    void aLeibnizNameResolvesAgainstTheApplicationsInTheText() {
        assertEquals(Exprs.mul(parse("h(x, y)"), partial("h", List.of(1), "x", "y")), parse("h(x, y) * ∂h/∂y"));
        // a name that is no argument is the parameter's (as the printer writes it for x + 1)
        assertEquals(partial("h", List.of(0), "x + 1", "y"), ((dotbar.expr.Call) parse("h(x + 1, y) + ∂h/∂u")).args().get(1));
        assertEquals(Exprs.add(parse("h(x, y)"), partial("h", List.of(0, 1), "x", "y")), parse("h(x, y) + ∂²h/∂x∂y"));
        assertEquals(Exprs.add(parse("h(x, y)"), partial("h", List.of(0, 0), "x", "y")), parse("h(x, y) + ∂²h/∂x²"));
        // inside a definition's body too
        Fn k = def("k(x) = f(x) * ∂f/∂x");
        assertEquals(Exprs.mul(parse("f(x)"), partial("f", List.of(0), "x")), k.body());
    }

    @Test
    void theExplicitFormNamesTheParameterAndTheArguments() {
        assertEquals(Exprs.add(partial("h", List.of(0), "x", "y"), partial("h", List.of(1), "y", "x")),
                parse("∂h/∂u(x, y) + ∂h/∂v(y, x)"));
        assertEquals(partial("h", List.of(0, 1), "x", "y"), parse("∂²h/∂u∂v(x, y)"));
        assertEquals(partial("h", List.of(1, 1), "x*2", "y"), parse("∂²h/∂v²(x*2, y)"));
        assertEquals(Exprs.pow(partial("f", List.of(0), "x"), Exprs.num(2)), parse("(∂f/∂u(x))²"));
    }

    @Test
    void partialsOnBothSidesOfAClaimShareTheApplications() {
        Claim c = Claim.parse("∂h/∂x = h(x, y)");
        assertEquals(partial("h", List.of(0), "x", "y"), c.body());
    }

    @Test
    void anAmbiguousNameIsAnErrorNamingTheChoicesAndTheColumn() {
        var e = error("h(x, y) * h(x, z) * ∂h/∂x");
        assertEquals(21, e.column());
        assertTrue(e.getMessage().contains("∂h/∂x is ambiguous here: it can be ∂h/∂u(x, y) or ∂h/∂u(x, z)"), e.getMessage());
        // the same arguments by two parameters
        var twice = error("h(x, x) + ∂h/∂x");
        assertTrue(twice.getMessage().contains("∂h/∂u(x, x) or ∂h/∂v(x, x)"), twice.getMessage());
        // in a claim the column is the whole text's
        var claim = assertThrows(ParseException.class, () -> Claim.parse("d/dx h(x, y) + h(x, z) = ∂h/∂x"));
        assertEquals(26, claim.column());
    }

    @Test
    void badPartialsSayWhatAndWhere() {
        var none = error("f(y) + ∂f/∂x");
        assertEquals(8, none.column());
        assertTrue(none.getMessage().contains("no application of f in this text has x as the argument"), none.getMessage());
        assertTrue(none.getMessage().contains("∂f/∂u(…) for f(u)"), none.getMessage());
        assertEquals(1, error("∂f/∂x").column());
        var unknown = error("x + ∂q/∂x(x)");
        assertEquals(5, unknown.column());
        assertTrue(unknown.getMessage().contains("unknown function 'q'"), unknown.getMessage());
        var parameter = error("∂h/∂w(x, y)");
        assertTrue(parameter.getMessage().contains("is by a parameter of h(u, v), and w is not one"), parameter.getMessage());
        var arity = error("∂h/∂u(x)");
        assertTrue(arity.getMessage().contains("h takes 2 arguments but ∂h/∂u was given 1"), arity.getMessage());
        var order = error("h(x, y) + ∂²h/∂x");
        assertEquals(11, order.column());
        assertTrue(order.getMessage().contains("does not match its variables"), order.getMessage());
        for (String bad : List.of("x * ∂/∂x x", "∂h", "∂h/x", "∂h/∂", "∂ h/∂x")) {
            assertThrows(ParseException.class, () -> parse(bad), bad);
        }
        assertEquals(5, error("x * ∂/∂x x").column());
    }

    @Test
    void nestedDerivativesBeginAClaim() {
        assertEquals(List.of("x", "x"), Claim.parse("d/dx (d/dx x^3) = 6*x").by());
        assertEquals(List.of("x", "x"), Claim.parse("d/dx d/dx x^3 = 6*x").by());
        assertEquals(List.of("x", "y", "x"), Claim.parse("d/dx ( d/dy (d/dx x^2*y) ) = 2").by());
        assertEquals(parse("x^3"), Claim.parse("d/dx (d/dx x^3) = 6*x").body());
        assertTrue(check("d/dx (d/dx x^3) = 6*x").holds());
        assertTrue(check("d/dx d/dx x^3 = 6*x").holds());
        assertFalse(check("d/dx d/dx x^3 = 3*x^2").holds());
        // parentheses that do not hold the whole rest, or hold no derivative, are the body's
        assertEquals(List.of("x"), Claim.parse("d/dx (x^2) = 2*x").by());
        assertEquals(parse("(x + 1)*(x - 1)"), Claim.parse("d/dx (x + 1)*(x - 1) = 2*x").body());
        assertEquals(List.of("x"), Claim.parse("d/dx dt*x = dt").by());
        assertThrows(ParseException.class, () -> Claim.parse("d/dx (d/dx x^3) + 1 = 6*x"));
        assertThrows(ParseException.class, () -> Claim.parse("d/dx (d/dx ) = 6*x"));
    }

    @Test
    void aDeepTextWithAPartialParses() {
        int n = 20_000;
        String text = "f(".repeat(n) + "x" + ")".repeat(n) + " * ∂f/∂x";
        Expr e = parse(text);
        assertEquals(partial("f", List.of(0), "x"), ((dotbar.expr.Call) e).args().get(1));
        var ambiguous = error("f(".repeat(n) + "x" + ")".repeat(n) + " * ∂f/∂f");
        assertTrue(ambiguous.getMessage().contains("or " + (n - 1 - 4) + " more"), ambiguous.getMessage().substring(0, 100));
    }

    /** Functions under names no other suite uses, registered again in each try (the registry is global). */
    private static final Fn TWO = Fn.abstractFn("pt_g", List.of("u", "v"));
    private static final Fn ONE = Fn.abstractFn("pt_f", List.of("u"));

    @Provide Arbitrary<Expr> withApplications() {
        return RandomExprs.typedExprs(4, List.of(TWO, ONE))
                .filter(e -> Graph.topologicalOrder(e).stream().anyMatch(n -> n instanceof Apply));
    }

    /**
     * Print → parse → the same node for an expression with partials at its applications: some
     * print by their Leibniz name and resolve against the applications, the ambiguous ones
     * print with their parameters and arguments ({@code dotbar.print.Leibniz}).
     */
    @Property(tries = 300)
    void printedPartialsParseBack(@ForAll("withApplications") Expr e) {
        Functions.register(TWO);
        Functions.register(ONE);
        Expr t = e;
        int seed = 0;
        for (Expr n : Graph.topologicalOrder(e)) {
            if (!(n instanceof Apply a)) continue;
            if (a.fn() == TWO && n.hashCode() % 2 == 0) {
                // the arguments swapped: a rival for the Leibniz names of the partials at a
                t = Exprs.add(t, TWO.apply(a.args().get(1), a.args().get(0)));
            }
            for (int order = 1; order <= 2; order++) {
                for (List<Integer> wrt : Partial.wrtTuples(a.fn().arity(), order, 10)) {
                    if (Math.floorMod(n.hashCode() * 31 + wrt.hashCode() + seed++, 3) == 0) t = Exprs.add(t, Exprs.partial(a.fn(), wrt, a.args()));
                }
            }
        }
        Expr printed = t;
        // a Leibniz name resolves against the applications in the same text (/help syntax); when the
        // canonical form cancels one (x - pt_g(x, x) + pt_g(x, x) is x), its partials' names cannot be
        // read back alone, as ∂f/∂g · ∂g/∂x cannot without f(g(x)): such texts are not this property's
        var present = new java.util.HashSet<Expr>();
        for (Expr n : Graph.topologicalOrder(t)) if (n instanceof Apply a) present.add(a);
        for (Expr n : Graph.topologicalOrder(t)) {
            if (n instanceof Partial d) net.jqwik.api.Assume.that(present.contains(d.fn().apply(d.args().toArray(Expr[]::new))));
        }
        String text = t.toString();
        boolean leibniz = java.util.regex.Pattern.compile("∂[^/]*/∂[^(]*?([ ·+)\\-]|$)").matcher(text).find();
        boolean explicit = java.util.regex.Pattern.compile("∂[^/ ]*/∂[^ (]*\\(").matcher(text).find();
        Statistics.label("partials").collect(leibniz ? "a Leibniz name" : "no Leibniz name", explicit ? "explicit" : "none explicit");
        assertSame(t, parse(text), printed::toString);
    }
}
