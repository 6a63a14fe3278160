// 08-backprop-matrix — the seed's two-layer network in matrix form, each layer a def: eq. (27)–(30)
// as the textbook's backpropagation rows in the defs' names (W̄1 = w̄1·xᵀ, φ̄1 = W2ᵀ·w̄2), eq. (31)
// for ∂L/∂W1 written out, evaluated at numbers, a hand derivation checked against reverse mode, and
// the vanishing-gradient argument of eq. (31) with real layers.
//
//   scripts/dotbar scripts/examples/08-backprop-matrix.jsh
import dotbar.print.TextTable;

String num(double v) { return TextTable.number(v, 6); }

System.out.println("""
        08-backprop-matrix: backpropagation in matrix notation, eq. (27)–(31)

        == The network ==
        w1 = W1·x + b1, φ1 = σ(w1), w2 = W2·φ1 + b2, φ2 = σ(w2), L = sum((φ2 - y)²)/2, with a 4-input,
        3-hidden, 2-output network (W1 is 3×4: rows are units, as the textbook writes it), each layer a def:""");
matrix("W1", 3, 4); vector("b1", 3); matrix("W2", 2, 3); vector("b2", 2); vector("x", 4); vector("y", 2);
for (String d : List.of("w1(v) = W1·v + b1", "φ1(w) = σ(w)", "w2(v) = W2·v + b2", "φ2(w) = σ(w)")) System.out.println("  " + def(d));
var L = parse("sum((φ2(w2(φ1(w1(x)))) - y)^2)/2");
System.out.println("  L = " + L + "    (shape " + L.shape()[0] + "×" + L.shape()[1] + ")");
System.out.println("  w1(x) is " + parse("w1(x)").shape()[0] + "×" + parse("w1(x)").shape()[1]
        + ": the body W1·v + b1 built for a 4×1 v; the def captures W1 and b1, so L depends on them");

System.out.println("""

        == Reverse mode, symbolically: the backprop rows in the defs' names ==
        Each row is an op's vector–Jacobian product from the op table, read through the defs' bodies: for
        w = W·v + b, W̄ = w̄·vᵀ, v̄ = Wᵀ·w̄ and b̄ = w̄; for an elementwise φ = σ(w), w̄ = σ'(w) ⊙ φ̄ with
        σ' = σ ⊙ (1 - σ). The output's adjoint φ̄2 is written out (the loss's own rows are unnamed).""");
var rows = reverse(L);
for (var eq : rows.backprop()) System.out.println("  " + eq);

System.out.println("""

        == Eq. (31) in matrix notation: the rows substituted into W̄1 down to φ̄2 ==""");
var eq31 = rows.equation("W1");
System.out.println("  " + eq31);

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
double[][] by31 = eq31.value().evalArray(p);
double off31 = 0;
for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) off31 = Math.max(off31, Math.abs(by31[i][j] - dW1[i][j]));
var first31 = new StringBuilder();
for (double v : by31[0]) first31.append(String.format("%12s", num(v)));
System.out.println("  eq. (31)'s first row at these numbers: " + first31.toString().strip().replaceAll(" +", "  "));
System.out.println("  eq. (31) at these numbers, largest difference from grad(L, p) over the 12 entries: "
        + (off31 < 1e-15 ? "below 1e-15" : num(off31)));

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
System.out.println("  and so is a layer applied to a vector of the wrong size, w1(b1) for w1(x) —");
try {
    parse("w1(b1)");
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
