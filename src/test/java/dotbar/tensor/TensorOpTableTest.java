package dotbar.tensor;

import static dotbar.DotBar.matrix;
import static dotbar.DotBar.parse;
import static dotbar.DotBar.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dotbar.expr.Exprs;
import dotbar.expr.Op;
import dotbar.expr.Shapes;
import dotbar.expr.Tensors;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every op of the table on tensors, through symbolic = reverse = forward = central differences
 * ({@link TensorChecks#agree}): each unary function elementwise on a matrix, each binary
 * elementwise op on two matrices and broadcast (a column across columns, a row across rows, a
 * scalar both ways), and every tensor op. Each case is the scalar {@code sum(C ⊙ op(…))} with a
 * random weight matrix C, so every entry of the result gets its own adjoint.
 */
class TensorOpTableTest {
    /** 2×3 matrices A, B, C; a 2×1 column c; a 1×3 row r; a 3×2 matrix M; 3×1 vectors u, v; 2×2 weights D; a scalar s. */
    static final Map<String, int[]> INPUTS = new LinkedHashMap<>();

    static {
        INPUTS.put("opA", new int[]{2, 3});
        INPUTS.put("opB", new int[]{2, 3});
        INPUTS.put("opC", new int[]{2, 3});
        INPUTS.put("opc", new int[]{2, 1});
        INPUTS.put("opr", new int[]{1, 3});
        INPUTS.put("opM", new int[]{3, 2});
        INPUTS.put("opu", new int[]{3, 1});
        INPUTS.put("opv", new int[]{3, 1});
        INPUTS.put("opD", new int[]{2, 2});
        INPUTS.put("opR", new int[]{1, 3});
        INPUTS.put("opK", new int[]{2, 1});
    }

    @BeforeAll
    static void declare() {
        INPUTS.forEach((n, s) -> matrix(n, s[0], s[1]));
    }

    @AfterAll
    static void forget() {
        TensorChecks.forget(INPUTS);
    }

    /** The cases, by the op they exercise: the text, and the interval the entries are drawn from (inside every op's domain). */
    static Map<Op, List<String[]>> cases() {
        var m = new LinkedHashMap<Op, List<String[]>>();
        for (Op op : Op.values()) {
            if (Tensors.isTensorOp(op) || op.isOperator() || op == Op.ATAN2) continue;
            String arg = op == Op.ACOSH ? "opA + 2" : "opA";
            m.put(op, List.<String[]>of(new String[]{"sum(opC * " + op.functionName() + "(" + arg + "))", "0.2", "0.8"}));
        }
        for (String sign : List.of("+", "-", "*", "/", "^")) {
            Op op = Op.byOperatorCharacter(sign.codePointAt(0), false);
            m.put(op, List.<String[]>of(
                    new String[]{"sum(opC * (opA " + sign + " opB))", "0.3", "1.7"},
                    new String[]{"sum(opC * (opA " + sign + " opc))", "0.3", "1.7"},   // a column across the columns
                    new String[]{"sum(opC * (opr " + sign + " opA))", "0.3", "1.7"},   // a row across the rows
                    new String[]{"sum(opC * (opA " + sign + " 1.3))", "0.3", "1.7"},
                    new String[]{"sum(opC * (0.7 " + sign + " opA))", "0.3", "1.7"}));
        }
        m.put(Op.NEG, List.<String[]>of(new String[]{"sum(opC * -opA)", "-1", "1"}));
        m.put(Op.ATAN2, List.<String[]>of(new String[]{"sum(opC * atan2(opA, opB))", "0.3", "1.7"},
                new String[]{"sum(opC * atan2(opc, opA))", "0.3", "1.7"}));
        m.put(Op.MATMUL, List.<String[]>of(new String[]{"sum(opD * (opA·opM))", "-1", "1"},
                new String[]{"sum(opR * (opcᵀ·opA)ᵀᵀ)", "-1", "1"}, new String[]{"opuᵀ·opM·opA·opv", "-1", "1"}));
        m.put(Op.TRANSPOSE, List.<String[]>of(new String[]{"sum(opM * opAᵀ)", "-1", "1"}, new String[]{"sum(opM * transpose(opA))", "-1", "1"}));
        m.put(Op.TOTAL, List.<String[]>of(new String[]{"sum(opA)^2", "-1", "1"}));
        m.put(Op.MEAN, List.<String[]>of(new String[]{"mean(opA * opB)^2", "-1", "1"}));
        m.put(Op.DOT, List.<String[]>of(new String[]{"dot(opu, opv)^2 + dot(opA, opB)", "-1", "1"}));
        m.put(Op.ROWSUM, List.<String[]>of(new String[]{"sum(opK * rowsum(opA * opB))", "-1", "1"}));
        m.put(Op.COLSUM, List.<String[]>of(new String[]{"sum(opR * colsum(opA * opB))", "-1", "1"}));
        m.put(Op.ONES, List.<String[]>of(new String[]{"sum(opC * ones(opA) * opA^2)", "-1", "1"}));
        // per column: a 2×3 matrix (three columns of two), a 3×1 column, and a matrix product inside
        m.put(Op.LOGSUMEXP, List.<String[]>of(new String[]{"sum(opR * logsumexp(opA * opB))", "-2", "2"},
                new String[]{"logsumexp(opu)^2", "-2", "2"}, new String[]{"sum(opR * logsumexp(opM·opA))", "-2", "2"}));
        m.put(Op.SOFTMAX, List.<String[]>of(new String[]{"sum(opC * softmax(opA * opB))", "-2", "2"},
                new String[]{"dot(opv, softmax(opu))", "-2", "2"}, new String[]{"sum(opD * softmax(opA·opM)^2)", "-2", "2"}));
        return m;
    }

    @Test
    void everyOpHasACase() {
        assertEquals(EnumSet.allOf(Op.class), EnumSet.copyOf(cases().keySet()), "add the new op's tensor case above");
    }

    @TestFactory
    Stream<DynamicTest> symbolicReverseForwardAndFiniteDifferencesAgree() {
        var tests = new ArrayList<DynamicTest>();
        var random = new Random(15);
        cases().forEach((op, list) -> {
            for (String[] c : list) {
                tests.add(DynamicTest.dynamicTest(op + ": " + c[0], () -> {
                    var L = parse(c[0]);
                    for (int k = 0; k < 3; k++) {
                        var p = TensorChecks.randomPoint(random, Double.parseDouble(c[1]), Double.parseDouble(c[2]), L.vars());
                        TensorChecks.agree(c[0], L, p, random);
                    }
                }));
            }
        });
        return tests.stream();
    }

    @Test
    void theTensorOpsAtScalarsAreTheScalarOps() {
        dotbar.expr.Sym a = Exprs.sym("a"), b = Exprs.sym("b");
        assertEquals(parse("a*b"), Exprs.call(Op.MATMUL, a, b));
        assertEquals(parse("a·b"), parse("a@b"));
        assertEquals(a, Exprs.call(Op.TRANSPOSE, a));
        assertEquals(a, parse("sum(a)"));
        assertEquals(a, parse("mean(a)"));
        assertEquals(parse("a*b"), parse("dot(a, b)"));
        assertEquals(Exprs.ONE, parse("ones(a)"));
        assertEquals(Exprs.ONE, parse("softmax(a)"));      // the softmax of a scalar is 1
        assertEquals(a, parse("logsumexp(a)"));
        assertEquals(List.of(1, 1), List.of(parse("a*b").shape()[0], parse("a*b").shape()[1]));
        assertEquals(Shapes.of(a), dotbar.expr.Shape.SCALAR);
    }
}
