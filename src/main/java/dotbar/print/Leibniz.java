package dotbar.print;

import dotbar.expr.Partial;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a partial derivative in Leibniz notation, ∂ⁿf/∂u^i∂v^j: the order n and the
 * variables of the denominator with their multiplicities. A variable goes by
 * {@link Partial#argumentName}: the argument itself when it is a symbol or an application, else
 * the function's parameter name.
 */
final class Leibniz {
    private Leibniz() {}

    /** One variable of the denominator and how many times the derivative is taken by it. */
    record Variable(String name, int times) {}

    /** The denominator's variables in argument order: {@code wrt = [0, 0, 1]} gives u², v. */
    static List<Variable> denominator(Partial p) {
        var out = new ArrayList<Variable>();
        List<Integer> wrt = p.wrt();
        for (int i = 0; i < wrt.size(); ) {
            int j = i;
            while (j < wrt.size() && wrt.get(j).equals(wrt.get(i))) j++;
            out.add(new Variable(p.argumentName(wrt.get(i)), j - i));
            i = j;
        }
        return out;
    }
}
