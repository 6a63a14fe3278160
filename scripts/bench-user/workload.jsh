// One workload of `scripts/bench --user`, run in a fresh process through scripts/dotbar, the way
// a user's script runs: the function and its hand-written gradient are snippets, as a user
// would type them. Prints `key value` lines that scripts/bench puts side by side.
//   scripts/dotbar scripts/bench-user/workload.jsh rosenbrock N     tape, grad and optimizer timings
//   scripts/dotbar scripts/bench-user/workload.jsh network           the same on the sigmoid network
//   scripts/dotbar scripts/bench-user/workload.jsh partials N        grad(e) cold: all N symbolic partials
String kind = args[0];
int n = kind.equals("network") ? 0 : Integer.parseInt(args[1]);

// ---- the functions: extended Rosenbrock, and a 2-8-1 sigmoid network on 16 points -------------
int H = 8, M = 16;
double[][] X = new double[M][2];
double[] Y = new double[M];
{
    var random = new Random(42);
    for (int d = 0; d < M; d++) {
        X[d][0] = random.nextDouble() * 2 - 1;
        X[d][1] = random.nextDouble() * 2 - 1;
        Y[d] = X[d][0] * X[d][0] + X[d][1] * X[d][1] < 0.5 ? 1 : 0;
    }
}
List<String> names = new ArrayList<>();
String text;
if (kind.equals("network")) {
    for (int j = 0; j < H; j++) { names.add("w" + j + "_0"); names.add("w" + j + "_1"); names.add("b" + j); }
    for (int j = 0; j < H; j++) names.add("v" + j);
    names.add("c");
    var sb = new StringBuilder("(0");
    for (int d = 0; d < M; d++) {
        sb.append(" + (σ(c");
        for (int j = 0; j < H; j++) sb.append(" + v" + j + "*σ(w" + j + "_0*(" + X[d][0] + ") + w" + j + "_1*(" + X[d][1] + ") + b" + j + ")");
        sb.append(") - " + Y[d] + ")^2");
    }
    text = sb.append(")/" + M).toString();
} else {
    for (int i = 0; i < n; i++) names.add("x" + i);
    var sb = new StringBuilder("0");
    for (int i = 0; i < n; i += 2) sb.append(" + 100*(x" + (i + 1) + " - x" + i + "^2)^2 + (1 - x" + i + ")^2");
    text = sb.toString();
}
int N = names.size();
double[] start = new double[N];
{
    var random = new Random(7);
    for (int i = 0; i < N; i++) start[i] = kind.equals("network") ? random.nextGaussian() * 0.5 : (i % 2 == 0 ? -1.2 : 1);
}

double sig(double z) { return 1 / (1 + Math.exp(-z)); }

double handValue(double[] x) {
    if (kind.equals("network")) {
        double sum = 0;
        for (int d = 0; d < M; d++) {
            double o = x[4 * H];
            for (int j = 0; j < H; j++) o += x[3 * H + j] * sig(x[3 * j] * X[d][0] + x[3 * j + 1] * X[d][1] + x[3 * j + 2]);
            double r = sig(o) - Y[d];
            sum += r * r;
        }
        return sum / M;
    }
    double f = 0;
    for (int i = 0; i < x.length; i += 2) {
        double d = x[i + 1] - x[i] * x[i], e = 1 - x[i];
        f += 100 * d * d + e * e;
    }
    return f;
}

double[] hidden = new double[H];
double handGradient(double[] x, double[] g) {
    if (kind.equals("network")) {
        Arrays.fill(g, 0);
        double sum = 0;
        for (int d = 0; d < M; d++) {
            double o = x[4 * H];
            for (int j = 0; j < H; j++) {
                hidden[j] = sig(x[3 * j] * X[d][0] + x[3 * j + 1] * X[d][1] + x[3 * j + 2]);
                o += x[3 * H + j] * hidden[j];
            }
            double s = sig(o), r = s - Y[d];
            sum += r * r;
            double dO = 2 * r * s * (1 - s) / M;   // ∂L/∂o for this point
            g[4 * H] += dO;
            for (int j = 0; j < H; j++) {
                g[3 * H + j] += dO * hidden[j];
                double dz = dO * x[3 * H + j] * hidden[j] * (1 - hidden[j]);
                g[3 * j] += dz * X[d][0];
                g[3 * j + 1] += dz * X[d][1];
                g[3 * j + 2] += dz;
            }
        }
        return sum / M;
    }
    double f = 0;
    for (int i = 0; i < x.length; i += 2) {
        double d = x[i + 1] - x[i] * x[i], e = 1 - x[i];
        f += 100 * d * d + e * e;
        g[i] = -400 * x[i] * d - 2 * e;
        g[i + 1] = 200 * d;
    }
    return f;
}

void out(String key, double v) { System.out.println(key + " " + v); }

// ---- grad(e) cold: every symbolic partial at once ------------------------------------------------
if (kind.equals("partials")) {
    var e = parse(text);
    long t0 = System.nanoTime();
    var all = grad(e);
    out("partials_s", (System.nanoTime() - t0) / 1e9);
    t0 = System.nanoTime();
    for (int i = 0; i < Math.min(N, 20); i++) diff(e, "x" + i);
    out("diff_each_s", (System.nanoTime() - t0) / 1e9 / Math.min(N, 20));
    if (all.size() != N) throw new IllegalStateException("partials: " + all.size());
    System.exit(0);
}

// ---- the tape from compile on, side by side with the hand-written code --------------------------
var e = parse(text);
double[] x = start.clone(), g = new double[N], h = new double[N];
// windows since compile returns: [0, 100 ms), [0, 1 s), steady [3 s, 4 s); per window and kind
// (tape gradient, hand gradient, tape value, hand value) the time per call of each block. Ratios
// are of medians over the blocks: on a loaded machine a block is now and then descheduled for
// milliseconds, which a mean would charge to whichever kind ran then.
List<List<List<Double>>> blocks = new ArrayList<>();
for (int w = 0; w < 3; w++) { blocks.add(new ArrayList<>()); for (int j = 0; j < 4; j++) blocks.get(w).add(new ArrayList<>()); }
double median(List<Double> l) {
    if (l.isEmpty()) return Double.NaN;
    var sorted = new ArrayList<>(l);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
}
double compileS = 0, switchS = -1;
boolean trace = System.getenv("DOTBAR_BENCH_TRACE") != null;
// one method, so that no snippet is compiled by JShell between compile and the calls
Compiled timeline() {
    long t0 = System.nanoTime();
    var c = compile(e, names.toArray(String[]::new));
    compileS = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    double k = 1;  // calls per block, grown to blocks of about 0.2 ms
    while (true) {
        long now = System.nanoTime() - t0;
        if (now > 4_000_000_000L) break;
        int calls = (int) Math.max(1, k);
        double[] time = new double[4];
        long a = System.nanoTime();
        for (int i = 0; i < calls; i++) c.gradient(x, g);
        long b = System.nanoTime();
        for (int i = 0; i < calls; i++) handGradient(x, h);
        long d = System.nanoTime();
        for (int i = 0; i < calls; i++) c.value(x);
        long f = System.nanoTime();
        for (int i = 0; i < calls; i++) handValue(x);
        long q = System.nanoTime();
        time[0] = b - a; time[1] = d - b; time[2] = f - d; time[3] = q - f;
        for (int w = 0; w < 3; w++) {
            boolean in = w == 0 ? now < 100_000_000L : w == 1 ? now < 1_000_000_000L : now >= 3_000_000_000L;
            if (!in) continue;
            for (int j = 0; j < 4; j++) blocks.get(w).get(j).add(time[j] / calls);
        }
        if (switchS < 0 && c.toString().endsWith("running as bytecode")) switchS = (a - t0) / 1e9;
        if (trace) System.err.printf("%8.1f ms  %6d calls  tape %9.1f  hand %9.1f ns%n", now / 1e6, calls, time[0] / calls, time[1] / calls);
        k = Math.min(1e6, Math.max(1, 200_000.0 / Math.max(1, time[0] / calls)));
    }
    return c;
}
var c = timeline();
for (int i = 0; i < N; i++) if (Math.abs(g[i] - h[i]) > 1e-9 * (1 + Math.abs(h[i]))) throw new IllegalStateException("gradient " + i + ": " + g[i] + " vs " + h[i]);
String[] window = {"100ms", "1s", "steady"};
for (int w = 0; w < 3; w++) {
    var b = blocks.get(w);
    double tape = median(b.get(0)), hand = median(b.get(1)), value = median(b.get(2));
    out("tape_hand_" + window[w], tape / hand);
    out("grad_value_" + window[w], tape / value);
    out("tape_ns_" + window[w], tape);
    out("hand_ns_" + window[w], hand);
}
out("compile_s", compileS);
out("switch_s", switchS);
System.out.println("tier " + c);

// ---- grad(e, p) against the same tape's own gradient call ---------------------------------------
var pm = new LinkedHashMap<String, Double>();
for (int i = 0; i < N; i++) pm.put(names.get(i), start[i]);
var p = Point.of(pm);
var own = compile(e);   // the tape grad(e, p) uses: over e.vars(), cached
double[] xv = p.values(own.params()), gv = new double[N];
// a second point: grad(e, p) keeps its last answer (same tape, same immutable point), so calls that
// alternate between two points measure the work of a call that computes
var pm2 = new LinkedHashMap<String, Double>();
for (int i = 0; i < N; i++) pm2.put(names.get(i), start[i] + 0.125);
var p2 = Point.of(pm2);
// and the tape's own call that returns its gradient in a new array, as grad(e, p) must (a Grad is immutable)
double facade = 0, alternating = 0, tapeOwn = 0, tapeFresh = 0;
long end = System.nanoTime() + 3_000_000_000L;
for (int round = 0; System.nanoTime() < end; round++) {
    int calls = N >= 1000 ? 200 : 2000;
    long a = System.nanoTime();
    for (int i = 0; i < calls; i++) grad(e, p);
    long b = System.nanoTime();
    for (int i = 0; i < calls; i++) own.gradient(xv, gv);
    long d = System.nanoTime();
    for (int i = 0; i < calls; i++) grad(e, (i & 1) == 0 ? p : p2);
    long f = System.nanoTime();
    for (int i = 0; i < calls; i++) gv = own.gradient(xv);
    long q = System.nanoTime();
    if (round >= 5) { facade += b - a; tapeOwn += d - b; alternating += f - d; tapeFresh += q - f; }
}
out("gradp_tape", facade / tapeOwn);
out("gradp_alt_tape", alternating / tapeOwn);
out("gradp_alt_fresh", alternating / tapeFresh);

// ---- Adam: opt.step(S) against a hand-written loop of the same rule -----------------------------
int S = kind.equals("network") ? 2000 : Math.max(200, 200_000 / N);
double handAdam(double[] theta) {
    double eta = 0.001, alpha = 0.9, rho = 0.999, eps = 1e-8;
    double[] v = new double[theta.length], w = new double[theta.length], gr = new double[theta.length];
    double loss = 0;
    for (int t = 1; t <= S; t++) {
        loss = handGradient(theta, gr);
        double ca = 1 - Math.pow(alpha, t), cr = 1 - Math.pow(rho, t);
        for (int i = 0; i < theta.length; i++) {
            v[i] = alpha * v[i] - (1 - alpha) * gr[i];
            w[i] = rho * w[i] + (1 - rho) * gr[i] * gr[i];
            theta[i] += eta * (v[i] / ca) / (Math.sqrt(w[i] / cr) + eps);
        }
    }
    return loss;
}
// rounds of S steps each, alternating, for 4 s: the first round of each, and the median ratio of
// the rounds in the last 1.5 s
double optFirst = 0, handFirst = 0, optSteady = 0, handSteady = 0;
List<Double> optRounds = new ArrayList<>(), handRounds = new ArrayList<>();
void adamRounds() {
    long begin = System.nanoTime();
    for (int round = 0; System.nanoTime() - begin < 4_000_000_000L; round++) {
        var opt = adam(e, p).lr(0.001);
        long a = System.nanoTime();
        opt.step(S);
        long b = System.nanoTime();
        double[] theta = start.clone();
        handAdam(theta);
        long d = System.nanoTime();
        if (round == 0) { optFirst = b - a; handFirst = d - b; }
        if (a - begin > 2_500_000_000L) { optRounds.add((double) (b - a)); handRounds.add((double) (d - b)); }
        if (trace) System.err.printf("adam round %d: %.1f us/step, hand %.1f%n", round, (b - a) / 1e3 / S, (d - b) / 1e3 / S);
        double[] mine = opt.at().values(names);
        for (int i = 0; i < N; i++) if (Math.abs(mine[i] - theta[i]) > 1e-6 * (1 + Math.abs(theta[i]))) throw new IllegalStateException("adam " + names.get(i) + ": " + mine[i] + " vs " + theta[i]);
    }
    optSteady = median(optRounds);
    handSteady = median(handRounds);
}
adamRounds();
out("adam_steps", S);
out("opt_hand_first", optFirst / handFirst);
out("opt_hand_steady", optSteady / handSteady);
out("opt_us_per_step", optSteady / S / 1e3);
out("hand_us_per_step", handSteady / S / 1e3);
