package dotbar.bench;
import dotbar.tape.*;
public class Probe {
  interface F { double run(); }
  static double best(F f, int reps) { double best = 1e99; double s=0; for (int k=0;k<30;k++){ long t0=System.nanoTime(); for(int i=0;i<reps;i++) s+=f.run(); best=Math.min(best,(System.nanoTime()-t0)/(double)reps);} if (s==42) System.out.print(""); return best; }
  public static void main(String[] a) {
    int n = Integer.parseInt(a[0]);
    Compiled t = Tapes.compile(Rosenbrock.expr(n), Rosenbrock.names(n));
    double[] x = Rosenbrock.start(n), g = new double[n];
    int reps = 2_000_000 / n;
    if (a.length > 1) System.out.println(t.generate() + " " + t.toString().replaceAll("\\[.*\\]", ""));
    for (int round = 0; round < 6; round++) {
      double v = best(() -> t.value(x), reps), gr = best(() -> t.gradient(x, g), reps), h = best(() -> Rosenbrock.gradient(x, g), reps), hv = best(() -> Rosenbrock.value(x), reps);
      System.out.printf("n=%d value %.0f ns (%.2f ns/instr), gradient %.0f ns (%.2f ns/instr), hand grad %.0f ns, hand value %.0f: grad/value %.2f grad/hand %.2f%n", n, v, v / t.valueInstructions(), gr, gr / t.gradientInstructions(), h, hv, gr / v, gr / h);
    }
  }
}
