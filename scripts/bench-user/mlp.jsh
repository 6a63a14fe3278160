// The 64-32-10 network's single-sample gradient where the user is (scripts/bench --user): the loss
// typed in matrix notation, compile(L, params, data), and the tape's gradient timed from the moment
// compile returns beside a hand-written backprop typed as a snippet, in the same process and the
// same blocks. The weights are those of dotbar.bench.MlpNetwork and scripts/bench-user/torch_mlp.py
// (0.05·cos(i) over W1, b1, W2, b2 row-major; x_i = 8(0.5 + 0.5 sin(0.7 i)); label 3).
// Prints `key value` lines.
//   scripts/dotbar scripts/bench-user/mlp.jsh relu|sigmoid
boolean relu = args[0].equals("relu");
int IN = 64, H = 32, OUT = 10, LABEL = 3, P = H * IN + H + OUT * H + OUT;
matrix("W1", H, IN); vector("b1", H); matrix("W2", OUT, H); vector("b2", OUT); vector("x", IN); vector("y", OUT);
String f = relu ? "relu" : "σ";
var L = parse("logsumexp(W2·" + f + "(W1·x + b1) + b2) - dot(y, W2·" + f + "(W1·x + b1) + b2)");
double[] theta = new double[P];
for (int i = 0; i < P; i++) theta[i] = 0.05 * Math.cos(i);
double[] input = new double[P + IN + OUT];
System.arraycopy(theta, 0, input, 0, P);
for (int i = 0; i < IN; i++) input[P + i] = 8 * (0.5 + 0.5 * Math.sin(0.7 * i));
input[P + IN + LABEL] = 1;

// ---- hand-written backprop over the same layout (W1 row-major, b1, W2, b2) ----------------------
double[] a1 = new double[H], z1 = new double[H], z2 = new double[OUT], d1 = new double[H];
double hand(double[] in, double[] g) {
    int oW1 = 0, ob1 = H * IN, oW2 = ob1 + H, ob2 = oW2 + OUT * H, ox = P;
    for (int j = 0; j < H; j++) {
        double s = in[ob1 + j];
        for (int i = 0; i < IN; i++) s += in[oW1 + j * IN + i] * in[ox + i];
        z1[j] = s;
        a1[j] = relu ? Math.max(0, s) : 1 / (1 + Math.exp(-s));
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < OUT; k++) {
        double s = in[ob2 + k];
        for (int j = 0; j < H; j++) s += in[oW2 + k * H + j] * a1[j];
        z2[k] = s;
        max = Math.max(max, s);
    }
    double sum = 0;
    for (int k = 0; k < OUT; k++) sum += Math.exp(z2[k] - max);
    double lse = max + Math.log(sum), loss = lse - z2[LABEL];
    java.util.Arrays.fill(d1, 0);
    for (int k = 0; k < OUT; k++) {
        double d = Math.exp(z2[k] - lse) - (k == LABEL ? 1 : 0);   // ∂L/∂z2 = softmax − y
        g[ob2 + k] = d;
        for (int j = 0; j < H; j++) { g[oW2 + k * H + j] = d * a1[j]; d1[j] += in[oW2 + k * H + j] * d; }
    }
    for (int j = 0; j < H; j++) {
        double d = d1[j] * (relu ? (z1[j] > 0 ? 1 : 0) : a1[j] * (1 - a1[j]));
        g[ob1 + j] = d;
        for (int i = 0; i < IN; i++) g[oW1 + j * IN + i] = d * in[ox + i];
    }
    return loss;
}

void out(String key, double v) { System.out.println(key + " " + v); }
double median(List<Double> l) {
    if (l.isEmpty()) return Double.NaN;
    var sorted = new ArrayList<>(l);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
}
// windows since compile returns: [0, 100 ms), [0, 1 s), steady [3 s, 4 s); medians of blocks
List<List<List<Double>>> blocks = new ArrayList<>();
for (int w = 0; w < 3; w++) { blocks.add(new ArrayList<>()); for (int j = 0; j < 2; j++) blocks.get(w).add(new ArrayList<>()); }
double compileS = 0, firstUs = 0;
double[] g = new double[P], h = new double[P];
// one method, so that no snippet is compiled by JShell between compile and the calls
Compiled timeline() {
    long t0 = System.nanoTime();
    var c = compile(L, List.of("W1", "b1", "W2", "b2"), List.of("x", "y"));
    compileS = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    c.gradient(input, g);
    firstUs = (System.nanoTime() - t0) / 1e3;
    double k = 1;
    while (true) {
        long now = System.nanoTime() - t0;
        if (now > 4_000_000_000L) break;
        int calls = (int) Math.max(1, k);
        long a = System.nanoTime();
        for (int i = 0; i < calls; i++) c.gradient(input, g);
        long b = System.nanoTime();
        for (int i = 0; i < calls; i++) hand(input, h);
        long d = System.nanoTime();
        for (int w = 0; w < 3; w++) {
            boolean in = w == 0 ? now < 100_000_000L : w == 1 ? now < 1_000_000_000L : now >= 3_000_000_000L;
            if (!in) continue;
            blocks.get(w).get(0).add((double) (b - a) / calls);
            blocks.get(w).get(1).add((double) (d - b) / calls);
        }
        k = Math.min(1e5, Math.max(1, 200_000.0 / Math.max(1, (double) (b - a) / calls)));
    }
    return c;
}
var c = timeline();
double lossTape = c.gradient(input, g), lossHand = hand(input, h);
for (int i = 0; i < P; i++) if (Math.abs(g[i] - h[i]) > 1e-12 * (1 + Math.abs(h[i]))) throw new IllegalStateException("gradient " + i + ": " + g[i] + " vs " + h[i]);
if (Math.abs(lossTape - lossHand) > 1e-12) throw new IllegalStateException("loss " + lossTape + " vs " + lossHand);
String[] window = {"100ms", "1s", "steady"};
for (int w = 0; w < 3; w++) {
    double tape = median(blocks.get(w).get(0)), byHand = median(blocks.get(w).get(1));
    out("tape_hand_" + window[w], tape / byHand);
    out("tape_us_" + window[w], tape / 1e3);
    out("hand_us_" + window[w], byHand / 1e3);
}
out("compile_s", compileS);
out("first_gradient_us", firstUs);
out("loss", lossTape);
