// 07-race — every built-in optimizer from the same start on Rosenbrock's and Beale's functions: a table
// of where each ends, the paths over a contour map in the terminal, and contour pictures saved to files
// (§4.3.2: eq. (1)–(2) momentum, (6)–(7) AdaGrad, (8)–(9) RMSProp, (13)–(15) Adam).
//
//   scripts/dotbar scripts/examples/07-race.jsh [DIR]     pictures go to DIR, else to a temporary directory
import dotbar.print.TextTable;

String loss(double v) { return v < 1e-12 ? "< 1e-12" : TextTable.number(v, 1); }

// Each optimizer gets the learning rate of this grid that ends lowest, judged by the mean loss over
// the race's last `tail` steps; losses under 1e-12 count as reaching the minimum (below that they are
// rounding), and of the rates that reach it the smallest wins. A rate whose run stops on a step that
// is not finite drops out.
double[] grid = {1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1};
int steps = 2000, tail = 200;
List<String> names = List.of("gd", "sgd (μ=0.9)", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw");
Optimizer make(String name, Expr f, Point s, double η) {
    return switch (name) {
        case "gd" -> gd(f, s).lr(η);
        case "sgd (μ=0.9)" -> sgd(f, s).lr(η).momentum(0.9);
        case "momentum" -> momentum(f, s).lr(η);
        case "nesterov" -> nesterov(f, s).lr(η);
        case "adagrad" -> adagrad(f, s).lr(η);
        case "rmsprop" -> rmsprop(f, s).lr(η);
        case "adam" -> adam(f, s).lr(η);
        default -> adamw(f, s).lr(η);
    };
}
// The mean of the last `tail` values.
double late(double[] values) { return Arrays.stream(values, values.length - tail, values.length).average().orElseThrow(); }
double score(Optimizer o) { return Math.max(late(o.losses()), 1e-12); }
// The mean length of the last `tail` steps.
double hop(Optimizer o) {
    double[] x = o.history().column("x"), y = o.history().column("y");
    double sum = 0;
    for (int i = x.length - tail; i < x.length; i++) sum += Math.hypot(x[i] - x[i - 1], y[i] - y[i - 1]);
    return sum / tail;
}
Map<String, Optimizer> race(String title, Expr f, Point s, Point minimum) {
    System.out.println("== " + title + ": L = " + f + " ==");
    System.out.println("from " + s + " (the minimum L = 0 is at " + minimum + "), " + steps + " steps each; x, y and L are");
    System.out.println("means over the last " + tail + " steps, and the last column is the mean length of those steps:");
    var finish = new TextTable("optimizer", "best η", "x", "y", "L", "distance to the minimum", "steps");
    var best = new LinkedHashMap<String, Optimizer>();
    for (String name : names) {
        Optimizer winner = null;
        for (double η : grid) {
            Optimizer o = make(name, f, s, η);
            try {
                o.step(steps);
            } catch (DotbarException notFinite) {
                continue;
            }
            if (winner == null || score(o) < score(winner)) winner = o;
        }
        best.put(name, winner);
        double x = late(winner.history().column("x")), y = late(winner.history().column("y")), hop = hop(winner);
        double distance = Math.hypot(x - minimum.get("x"), y - minimum.get("y"));
        finish.row(name, winner.get("η"), TextTable.number(x, 2), TextTable.number(y, 2), loss(late(winner.losses())),
                distance < 1e-6 ? "< 1e-6" : TextTable.number(distance, 1), hop < 1e-6 ? "< 1e-6" : TextTable.number(hop, 1));
    }
    System.out.print(finish);
    return best;
}

System.out.println("""
        07-race: the built-in optimizers on Rosenbrock's and Beale's functions
        """);
Expr rosenbrock = parse("(1-x)^2 + 100*(y-x^2)^2");
Expr beale = parse("(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2");
var r = race("Rosenbrock", rosenbrock, at("x=-1.5, y=2"), at("x=1, y=1"));
System.out.println("""
        sgd with μ = 0.9 is momentum with a 10 times smaller η, step for step: the seed's momentum is
        SGD(lr = η(1−α), momentum = α) (see 01-momentum). rmsprop never settles: its steps η·g/√w stay
        about η long however small g gets, so it hops about the valley; adam's momentum averages the hops away.
        """);
Plot rosenbrockMap = contour(rosenbrock, "x", -2, 2, "y", -1, 3).path(r.get("gd"), r.get("momentum"), r.get("adam"));
System.out.println(rosenbrockMap);
System.out.println("gd creeps along the curved valley floor, momentum and adam run along it.\n");

var b = race("Beale", beale, at("x=1, y=1.5"), at("x=3, y=0.5"));
System.out.println();
Plot bealeMap = contour(beale, "x", 0, 4, "y", -0.5, 2).path(b.get("gd"), b.get("momentum"), b.get("adagrad"));
System.out.println(bealeMap);
System.out.println("From (1, 1.5) the slope leads away from the minimum first: the paths swing down and round to (3, 0.5);");
System.out.println("adagrad's first steps are η = 1 long in each coordinate (see 02-adagrad), and throw it far to the left.");

Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("dotbar-race-");
var saved = new ArrayList<String>();
for (var picture : List.of(Map.entry("rosenbrock", contour(rosenbrock, "x", -2, 2, "y", -1, 3)),
        Map.entry("beale", contour(beale, "x", 0, 4, "y", -0.5, 2)))) {
    var race = picture.getKey().equals("rosenbrock") ? r : b;
    Plot all = picture.getValue().path(race.values().toArray(new Optimizer[0])).title(picture.getKey() + ": " + steps + " steps of every optimizer");
    for (String ext : List.of("svg", "png")) saved.add(all.save(dir.resolve(picture.getKey() + "." + ext).toString()).getFileName().toString());
}
System.out.println("Saved the maps with every optimizer's path: " + String.join(", ", saved)
        + (args.length > 0 ? " (in the directory given)" : " in " + dir + " (give a directory as the first argument to choose)"));
