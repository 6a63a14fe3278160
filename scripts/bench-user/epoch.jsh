// One epoch of minibatch Adam on the digits where the user is (scripts/bench --user, issue 16): the
// 64-32-10 ReLU network from mlp(…), the shipped digits one-hot, adam().on(loss, data, init).batch(32),
// each epoch's opt.step(57) timed in a fresh scripts/dotbar process. Prints `key value` lines; the same
// epoch in PyTorch eager is scripts/bench-user/torch_epoch.py.
//   scripts/dotbar scripts/bench-user/epoch.jsh [EPOCHS]
int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 8;
var net = mlp("x", 64, 32, 10).relu().softmaxCrossEntropy("y");
var L = net.loss();
var d = digits().onehot("y", 10);
int steps = (d.size() + 31) / 32;
double[] seconds = new double[epochs];
double setupS = 0;
Optimizer train() {
    long t0 = System.nanoTime();
    var opt = adam().on(L, d, net.init(0)).lr(1e-3).batch(32).seed(0);
    setupS = (System.nanoTime() - t0) / 1e9;
    for (int e = 0; e < epochs; e++) {
        long a = System.nanoTime();
        opt.step(steps);
        seconds[e] = (System.nanoTime() - a) / 1e9;
    }
    return opt;
}
var opt = train();
double[] later = Arrays.copyOfRange(seconds, 1, epochs);
Arrays.sort(later);
System.out.println("setup_s " + setupS);
System.out.println("first_epoch_s " + seconds[0]);
System.out.println("steady_epoch_s " + later[later.length / 2]);
System.out.println("steps_per_epoch " + steps);
System.out.println("epoch_seconds " + Arrays.toString(seconds).replace(" ", ""));
