package dotbar.simplify;

import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Graph;
import dotbar.expr.Op;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * Identities between functions, used by {@code simplify} on the polynomial form, where they are
 * substitutions:
 * <ul>
 * <li>sin²u + cos²u = 1: a power cos(u)ᵏ, k ≥ 2, becomes cos(u)^(k mod 2)·(1 − sin²u)^⌊k/2⌋, or
 *     the other way round (sin² → 1 − cos²), whichever leaves fewer terms (SymPy's
 *     {@code trigsimp} finds the same for these: sin⁴ − cos⁴ → 2·sin² − 1);</li>
 * <li>cosh²u − sinh²u = 1, the same way (cosh² → 1 + sinh², sinh² → cosh² − 1);</li>
 * <li>σ(u) = 1/(1 + e⁻ᵘ) ({@link #sigmoidForm}): e⁻ᵘ = (1 − σ(u))/σ(u), eᵘ = σ(u)/(1 − σ(u))
 *     where σ(u) occurs, σ(−u) = 1 − σ(u); over one denominator this turns
 *     {@code 1/(1 + exp(-x))} into σ(x) and e⁻ˣ/(1 + e⁻ˣ)² into σ(x)·(1 − σ(x)), the seed's
 *     σ′ = σ(1 − σ).</li>
 * </ul>
 * tanh′ = 1 − tanh² and σ′ = σ·(1 − σ) come from the op table's derivatives, and simplify keeps
 * them (their expansions are no smaller); parity and exp/log inverses are {@link FunctionRules}.
 */
final class Identities {
    private Identities() {}

    /** p with the Pythagorean identities applied where they shorten it (never longer than p). */
    static Poly pythagorean(Poly p, Atoms atoms, Budget budget) {
        Poly best = p;
        for (int a : new ArrayList<>(p.atoms())) {
            if (!(atoms.expr(a) instanceof Call c)) continue;
            Op partner = switch (c.op()) {
                case COS -> Op.SIN;
                case SIN -> Op.COS;
                case COSH -> Op.SINH;
                case SINH -> Op.COSH;
                default -> null;
            };
            if (partner == null || best.degree(a) < 2) continue;
            int other = atoms.of(Exprs.call(partner, c.arg()));
            // c² = 1 − s² (cos), 1 − c² (sin), 1 + s² (cosh), s² − 1 (sinh)
            boolean hyperbolic = c.op() == Op.COSH || c.op() == Op.SINH;
            BigFraction constant = c.op() == Op.SINH ? BigFraction.MINUS_ONE : BigFraction.ONE;
            BigFraction square = hyperbolic ? BigFraction.ONE : BigFraction.MINUS_ONE;
            Poly replacement = Poly.constant(constant).plus(Poly.term(square, Monomial.of(other, 2)));
            Poly candidate = substituteSquare(best, a, replacement, budget);
            // fewer terms, or as many in fewer atoms (sin⁴ − cos⁴ → 2·sin² − 1)
            if (candidate.size() < best.size() || candidate.size() == best.size() && candidate.atoms().size() < best.atoms().size()) best = candidate;
        }
        return best;
    }

    /** p with every aᵏ (k ≥ 2) written a^(k mod 2)·r^⌊k/2⌋. */
    private static Poly substituteSquare(Poly p, int a, Poly r, Budget budget) {
        var out = new Poly.Builder();
        for (var t : p.terms().entrySet()) {
            int k = t.getKey().exponentOf(a);
            if (k < 2) {
                out.add(t.getKey(), t.getValue());
                continue;
            }
            Monomial rest = t.getKey().without(a).times(Monomial.of(a, k % 2));
            out.add(r.pow(k / 2, budget, "an identity").times(t.getValue(), rest), BigFraction.ONE);
            budget.terms(out.size(), "an identity");
        }
        return out.build();
    }

    /** True when {@code e} has an exponential or a sigmoid, so that {@link #sigmoidForm} may help. */
    static boolean hasExponentials(Expr e) {
        for (Expr n : Graph.topologicalOrder(e)) {
            if (n instanceof Call c && (c.op() == Op.EXP || c.op() == Op.SIGMOID)) return true;
        }
        return false;
    }

    /** {@code e} with e⁻ᵘ and eᵘ written through σ(u) (see the class comment), or {@code e} when there are none. */
    static Expr sigmoidForm(Expr e) {
        List<Expr> nodes = Graph.topologicalOrder(e);
        var sigmoids = new java.util.HashSet<Expr>();
        for (Expr n : nodes) if (n instanceof Call c && c.op() == Op.SIGMOID) sigmoids.add(c.arg());
        return Graph.rebuild(e, (n, kids) -> {
            Expr r = Graph.withChildrenIfChanged(n, kids);
            if (!(r instanceof Call c)) return r;
            Expr u = c.arg();
            if (c.op() == Op.EXP && u instanceof Call neg && neg.op() == Op.NEG) {
                Expr s = Exprs.call(Op.SIGMOID, neg.arg());
                return Exprs.div(Exprs.sub(Exprs.ONE, s), s);
            }
            if (c.op() == Op.EXP && sigmoids.contains(u)) {
                Expr s = Exprs.call(Op.SIGMOID, u);
                return Exprs.div(s, Exprs.sub(Exprs.ONE, s));
            }
            if (c.op() == Op.SIGMOID && u instanceof Call neg && neg.op() == Op.NEG) {
                return Exprs.sub(Exprs.ONE, Exprs.call(Op.SIGMOID, neg.arg()));
            }
            return r;
        });
    }
}
