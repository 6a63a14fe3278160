package dotbar.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Notation.Binding;
import dotbar.expr.Op;
import dotbar.parse.Parser;
import dotbar.simplify.Simplifier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The facts each op declares in its table header, checked against what the parser, the printers
 * and the simplifier do with them, and against the numbers: every op, a new one included.
 */
class OpTableFactsTest {
    private static final Expr X = Exprs.sym("x"), Y = Exprs.sym("y");

    private static Expr applied(Op op) {
        return op.arity() == 1 ? Exprs.call(op, X) : Exprs.call(op, X, Y);
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void printsAsDeclaredAndParsesBack(Op op) {
        // a tensor op at scalars is the scalar op it reduces to; its printing on tensors: dotbar.tensor.TensorTextTest
        org.junit.jupiter.api.Assumptions.assumeFalse(dotbar.expr.Tensors.isTensorOp(op));
        Expr e = applied(op);
        String text = UnicodePrinter.print(e);
        assertEquals(e, Parser.parse(text), text);
        if (op.isOperator()) {
            assertTrue(text.contains(op.notation().unicode()), text);
        } else {
            // a call: its printed name and its arguments; every name it parses under gives the same node
            assertEquals(op.notation().unicode() + (op.arity() == 1 ? "(x)" : "(x, y)"), text);
            for (String name : op.notation().names()) {
                assertEquals(e, Parser.parse(name + (op.arity() == 1 ? "(x)" : "(x, y)")), name);
            }
        }
        // with names as operands nothing needs parentheses: the LaTeX is the declared template filled in
        String template = op.notation().latex();
        String latex = template.contains("#") ? template.replace("#1", "x").replace("#2", "y")
                : template + (op.arity() == 1 ? "\\left(x\\right)" : "\\left(x, y\\right)");
        assertEquals(latex, LatexPrinter.print(e));
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void operatorsAreExactlyTheOpsWithoutACallName(Op op) {
        // pow is both: a ^ b and pow(a, b)
        assertEquals(op.isOperator() && op != Op.POW, op.functionName() == null, op.toString());
        assertEquals(op.isOperator(), op.notation().binding() != Binding.ATOM, op.toString());
        assertEquals(op.isOperator(), !op.notation().spellings().isEmpty(), op.toString());
    }

    /** The declared parity against the numbers, and the simplifier's use of it. */
    @ParameterizedTest
    @EnumSource(Op.class)
    void parityHoldsNumericallyAndTheSimplifierUsesIt(Op op) {
        if (op.arity() != 1 || op.isOperator()) return;
        boolean even = true, odd = true;
        int compared = 0;
        for (double x : new double[]{0.1, 0.3, 0.45, 0.7, 0.9, 1.5, 2.5, 3.0}) {
            double f = op.apply(x, 0), g = op.apply(-x, 0);
            if (Double.isNaN(f) || Double.isNaN(g)) continue;  // outside the domain at x or −x
            compared++;
            even &= Math.abs(f - g) <= 1e-15 * Math.abs(f);
            odd &= Math.abs(f + g) <= 1e-15 * Math.abs(f);
        }
        if (compared < 3) even = odd = false;  // log, sqrt, acosh: not defined on both sides
        // softmax and logsumexp at a scalar are 1 and the identity, but per column of a matrix neither is
        // even or odd (softmax(−A) ≠ ±softmax(A)): their parity is NONE, so the simplifier leaves f(−A) alone
        if (op == Op.SOFTMAX || op == Op.LOGSUMEXP) even = odd = false;
        assertEquals(op.parity() == Op.Parity.EVEN, even, op + " is even");
        assertEquals(op.parity() == Op.Parity.ODD, odd, op + " is odd");
        Expr atMinusX = Simplifier.simplify(Exprs.call(op, Exprs.neg(X)));
        Expr expected = switch (op.parity()) {
            case EVEN -> Exprs.call(op, X);
            case ODD -> Exprs.neg(Exprs.call(op, X));
            case NONE -> Exprs.call(op, Exprs.neg(X));
        };
        assertEquals(expected, atMinusX, op.toString());
        assertFalse(op.parity() == Op.Parity.NONE && even, op.toString());
    }
}
