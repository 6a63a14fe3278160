// 09-digits — seven optimizers race on handwritten digits: a 64-32-10 ReLU network (the seed's layers of
// eq. (31) as matrices) trained with minibatches of 32 from one start, by SGD, SGD with momentum 0.9, the
// seed's momentum (eq. (1)–(2), its EMA form), AdaGrad (6)–(7), RMSProp (8)–(9), Adam (13)–(15) and AdamW:
// a table of where each ends, the training curves overlaid, and the pictures saved as SVG and PNG.
//
//   scripts/dotbar scripts/examples/09-digits.jsh [DIR]     pictures go to DIR, else to a temporary directory
import dotbar.print.TextTable;

System.out.println("""
        09-digits: seven optimizers on 1 797 handwritten digits, eq. (1)–(2), (6)–(9), (13)–(15) and (31)
        """);
var parts = digits().onehot("y", 10).split(0.8, 0);
System.out.println("data: " + parts);
var net = mlp("x", 64, 32, 10).relu().softmaxCrossEntropy("y");
System.out.println("network: " + net);
System.out.println("loss per sample: " + net.loss());
var start = net.init(0);

var r = race(net, parts, start,
        sgd().lr(0.1),
        sgd().lr(0.1).momentum(0.9),
        momentum().lr(0.1),
        adagrad().lr(0.05),
        rmsprop().lr(0.001),
        adam().lr(0.001),
        adamw().lr(0.001)).epochs(5).batch(32).seed(0);
System.out.println();
System.out.println(r.description());
// the wall times change from run to run: printing r shows them; this example's output is checked
// in CI, so it prints the table without them
System.out.print(r.table(false));
var best = r.best();
System.out.println("best test accuracy: " + best.label() + ", " + TextTable.number(best.last().testAccuracy(), 4)
        + " of the " + parts.test().size() + " test digits right after " + best.finished() + " epochs");
System.out.println("""

        Each optimizer saw the same 45 minibatches per epoch in the same order (seed 0) from the same weights.
        sgd with μ = 0.9 takes steps about ten times longer than plain sgd once its buffer fills; the seed's
        momentum with η = 0.1 is SGD(lr = η(1−α) = 0.01, momentum = 0.9) (see 01-momentum), ten times gentler.
        Adam and AdamW with torch's default lr = 1e-3 are still early on after 5 epochs.
        """);

System.out.println(r.plot());
System.out.println(r.plot("test accuracy"));

System.out.println("The per-epoch record of the best run, held-out scores included (its history()):");
System.out.println(best.optimizer().history().toString().lines().dropWhile(l -> !l.startsWith("per epoch"))
        .collect(java.util.stream.Collectors.joining("\n")));

Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("dotbar-digits-");
var saved = new ArrayList<String>();
for (String ext : List.of("svg", "png")) {
    saved.add(r.plot().save(dir.resolve("digits-loss." + ext).toString()).getFileName().toString());
    saved.add(r.plot("test accuracy").save(dir.resolve("digits-accuracy." + ext).toString()).getFileName().toString());
}
System.out.println("\nSaved the curves: " + String.join(", ", saved)
        + (args.length > 0 ? " (in the directory given)" : " in " + dir + " (give a directory as the first argument to choose)"));
