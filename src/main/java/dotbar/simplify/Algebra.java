package dotbar.simplify;

import dotbar.expr.Expr;

/**
 * Exact algebra on expressions, SymPy's {@code expand}, {@code factor}, {@code collect} and
 * {@code together}, over the rationals. Each reads the expression as a polynomial or a quotient
 * of polynomials whose "variables" are its atoms — symbols and every subexpression that is not a
 * sum, product or integer power ({@code sin(x)}, {@code f(x)}, {@code x^0.5}) — computes there
 * with exact {@code BigFraction} coefficients, and writes the result back.
 *
 * <pre>{@code
 * expand(parse("(x+1)^3"))          // x³ + 3·x² + 3·x + 1
 * expand(parse("(a*b + c)*d"))      // a·b·d + c·d
 * factor(parse("x^3 - x"))          // x·(x - 1)·(x + 1)
 * collect(parse("a*x + b*x + c"), "x")   // (a + b)·x + c
 * together(parse("1/x + 1/y"))      // (x + y)/(x·y)
 * }</pre>
 *
 * <p>Results over {@value Budget#MAX_TERMS} terms are refused before they are computed
 * ({@code expand((x+1)^100000)} names the estimated term count and the limit); every loop polls
 * for Ctrl-C. Values never change where the input is defined; like {@code simplify}, the domain
 * may grow ({@code x/x} is 1).
 */
public final class Algebra {
    private Algebra() {}

    /** {@code e} multiplied out into a sum of monomials with no like terms (see {@link Expansion}). */
    public static Expr expand(Expr e) {
        return Expansion.expand(e, Budget.user("expand"));
    }
}
