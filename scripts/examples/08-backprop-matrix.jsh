// 08-backprop-matrix — the seed's two-layer network in matrix form: eq. (27)–(31) as the textbook's
// backpropagation, W̄ = w̄·xᵀ and φ̄ = Wᵀ·w̄, evaluated at numbers, a hand derivation checked against
// reverse mode, and the vanishing-gradient argument of eq. (31) with real layers.
//
//   scripts/dotbar scripts/examples/08-backprop-matrix.jsh
import dotbar.print.TextTable;

String num(double v) { return TextTable.number(v, 6); }

System.out.println("""
        08-backprop-matrix: backpropagation in matrix notation, eq. (27)–(31)

        == The network ==
        w1 = W1·x + b1, φ1 = σ(w1), w2 = W2·φ1 + b2, φ2 = σ(w2), L = sum((φ2 - y)²)/2, with a 4-input,
        3-hidden, 2-output network (W1 is 3×4: rows are units, as the textbook writes it):""");
matrix("W1", 3, 4); vector("b1", 3); matrix("W2", 2, 3); vector("b2", 2); vector("x", 4); vector("y", 2);
def("φ1(w) = σ(w)");
def("φ2(w) = σ(w)");
var L = parse("sum((φ2(W2·φ1(W1·x + b1) + b2) - y)^2)/2");
System.out.println("  L = " + L + "    (shape " + L.shape()[0] + "×" + L.shape()[1] + ")");

System.out.println("""

        == Reverse mode, symbolically: one row per node, in matrix notation ==
        Each row is an op's vector–Jacobian product from the op table: for t = W·x, W̄ = t̄·xᵀ and
        x̄ = Wᵀ·t̄; for an elementwise f, x̄ = f'(x) ⊙ t̄; for a sum, Ā = s̄·1.""");
var rows = reverse(L);
var backprop = new TextTable("node", "adjoint (chain rule)");
for (var r : rows.rows()) {
    if (r.definition() instanceof Sym && !List.of("W1", "W2", "x").contains(r.name())) continue;
    backprop.row(r.definition() instanceof Sym ? r.name() : r.name() + " = " + rows.text(r.definition()),
            rows.derivativeName(r.name()) + " = " + rows.text(r.chainRule()));
}
System.out.print(backprop);

System.out.println("""

        == At numbers ==""");
var p = at("W1", new double[][]{{0.2, -0.4, 0.1, 0.5}, {-0.3, 0.8, -0.6, 0.2}, {0.7, 0.1, 0.3, -0.5}},
           "b1", new double[]{0.1, -0.2, 0.3},
           "W2", new double[][]{{0.6, -0.7, 0.2}, {-0.1, 0.4, 0.9}}, "b2", new double[]{-0.3, 0.2},
           "x", new double[]{1.0, 0.5, -1.5, 2.0}, "y", new double[]{0.0, 1.0});
System.out.println("  L = " + num(L.eval(p)));
var g = grad(L, p);
double[][] dW1 = g.array("W1");
for (int i = 0; i < 3; i++) {
    var row = new StringBuilder();
    for (double v : dW1[i]) row.append(String.format("%12s", num(v)));
    System.out.println((i == 0 ? "  ∂L/∂W1 = " : "           ") + row);
}

System.out.println("""

        == A hand derivation, checked ==
        By hand: δ2 = σ'(w2) ⊙ (φ2 - y), δ1 = σ'(w1) ⊙ (W2ᵀ·δ2), ∂L/∂W1 = δ1·xᵀ, with σ' = σ ⊙ (1 - σ):""");
var hand = parse("(σ(W1·x + b1) * (1 - σ(W1·x + b1)) * (W2ᵀ·(σ(W2·σ(W1·x + b1) + b2) * (1 - σ(W2·σ(W1·x + b1) + b2)) "
        + "* (σ(W2·σ(W1·x + b1) + b2) - y))))·xᵀ");
System.out.println("  " + hand);
double[][] byHand = hand.evalArray(p);
double worst = 0;
for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) worst = Math.max(worst, Math.abs(byHand[i][j] - dW1[i][j]));
System.out.println("  largest difference from reverse mode over the 12 entries: " + (worst < 1e-15 ? "below 1e-15" : num(worst)));
System.out.println("  a transposed factor, (W2·…) for W2ᵀ·…, is refused: its shapes do not fit —");
try {
    parse("(σ(W1·x + b1) * (W2·(σ(W2·σ(W1·x + b1) + b2) - y)))·xᵀ");
} catch (DotbarException e) {
    System.out.println("  " + e.getMessage().lines().findFirst().orElse(""));
}

System.out.println("""

        == Eq. (31) with real layers: ‖∂L/∂W1‖ against depth ==
        m layers of 4 units, W_l with entries 0.8·N(0,1) (java.util.Random(31)), x with N(0,1), L = sum(φ_m)
        (one output row summed); the same weights for both activations. A sigmoid's σ' ≤ 1/4 shrinks the
        gradient reaching W1 layer by layer, a ReLU's derivative 1 (where on) does not.""");
var table = new TextTable("m", "‖∂L/∂W1‖ sigmoid", "‖∂L/∂W1‖ ReLU");
var random = new java.util.Random(31);
vector("v0", 4);
double[] v0 = new double[4];
for (int i = 0; i < 4; i++) v0[i] = random.nextGaussian();
var weights = new java.util.ArrayList<double[][]>();
for (int m = 1; m <= 8; m++) {
    double[][] w = new double[4][4];
    for (double[] row : w) for (int j = 0; j < 4; j++) row[j] = 0.8 * random.nextGaussian();
    weights.add(w);
    matrix("V" + m, 4, 4);
    var args = new java.util.ArrayList<Object>(List.of("v0", v0));
    for (int l = 1; l <= m; l++) { args.add("V" + l); args.add(weights.get(l - 1)); }
    var at = at(args.toArray());
    String[] norms = new String[2];
    int k = 0;
    for (String f : List.of("σ", "relu")) {
        String e = "v0";
        for (int l = 1; l <= m; l++) e = f + "(V" + l + "·" + e + ")";
        var loss = parse("sum(" + e + ")");
        double s = 0;
        for (double[] row : grad(loss, at).array("V1")) for (double v : row) s += v * v;
        norms[k++] = num(Math.sqrt(s));
    }
    table.row(String.valueOf(m), norms[0], norms[1]);
}
System.out.print(table);
