package dotbar.tape;

import dotbar.base.DotbarException;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.sweep.Dag;
import dotbar.sweep.SymbolicAdjoints;

import java.util.ArrayList;
import java.util.List;

/**
 * Hessian-vector products H(x)·v of an expression, on a compiled tape, without forming H.
 *
 * <p>Forward-over-reverse, with both sweeps done once, at build time: one symbolic reverse sweep
 * ({@link SymbolicAdjoints}, the pull walk of {@code reverse(e)}) gives every ∂f/∂xₖ as an expression, and the directional
 * derivative h(x, v) = Σₖ vₖ·∂f/∂xₖ is compiled with the direction's components as data. Its
 * gradient by x is the product, ∂h/∂xⱼ = Σₖ vₖ·∂²f/∂xₖ∂xⱼ = (H v)ⱼ, one tape run costing a few
 * times f itself, where forming H costs n of them.
 *
 * <pre>{@code
 * var hv = HessianVector.of(parse("x^2*y + y^3"), "x", "y");
 * double[] out = new double[2];
 * hv.apply(new double[]{1, 2}, new double[]{1, 0}, out);   // H = [[2y, 2x], [2x, 6y]]: out = (4, 2)
 * }</pre>
 */
public final class HessianVector {
    private final int n;
    private final Compiled tape;
    private final double[] xv;

    private HessianVector(int n, Compiled tape) {
        this.n = n;
        this.tape = tape;
        this.xv = new double[2 * n];
    }

    /** The products for {@code e} over {@code params} (every parameter must occur in {@code e}). */
    public static HessianVector of(Expr e, String... params) {
        List<String> x = List.of(params);
        Tapes.of(e, x);  // the checks of compile: every parameter occurs in e, every symbol of e is a parameter
        var dag = new Dag(e);
        SymbolicAdjoints gradient = SymbolicAdjoints.of(dag);
        var names = new ArrayList<>(x);
        var taken = new java.util.HashSet<>(e.vars());
        Expr h = Exprs.ZERO;
        for (String p : x) {
            String v = direction(p, taken);
            names.add(v);
            h = Exprs.add(h, Exprs.mul(Exprs.sym(v), gradient.adjoint(dag.indexOf(Exprs.sym(p)))));
        }
        // h lacks x_j when f is linear in it, and δx_k when ∂f/∂x_k ≡ 0: those inputs are ignored
        return new HessianVector(x.size(), TapeCompiler.compile(h, names, x.size(), true));
    }

    /** Fills {@code hv} with H(x)·v and returns vᵀ∇f(x), the derivative of f along v. */
    public double apply(double[] x, double[] v, double[] hv) {
        if (x.length != n || v.length != n || hv.length != n) {
            throw new DotbarException("Hessian-vector product over " + n + " parameters " + tape.wrt() + ": x, v and hv have lengths "
                    + x.length + ", " + v.length + ", " + hv.length);
        }
        System.arraycopy(x, 0, xv, 0, n);
        System.arraycopy(v, 0, xv, n, n);
        return tape.gradient(xv, hv);
    }

    /** The parameters, in the order of the arrays. */
    public List<String> params() { return tape.wrt(); }

    /** The name of the direction's component for parameter p: δp, with more δ while it clashes. */
    private static String direction(String p, java.util.Set<String> taken) {
        String v = "δ" + p;
        while (taken.contains(v)) v = "δ" + v;
        return v;
    }
}
