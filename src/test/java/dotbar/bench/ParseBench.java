package dotbar.bench;

import dotbar.expr.Expr;
import dotbar.parse.Parser;
import dotbar.tape.Tapes;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Parsing, and compiling, an input of 10⁴ distinct nodes: Rosenbrock written out in 2000 variables. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParseBench {
    static final int VARIABLES = 2000;

    private String text;
    private Expr parsed;

    /** 100*(x1 - x0^2)^2 + (1 - x0)^2 + 100*(x3 - x2^2)^2 + …: ten new nodes per pair of variables. */
    static String text(int n) {
        var s = new StringBuilder();
        for (int i = 0; i < n; i += 2) {
            if (i > 0) s.append(" + ");
            s.append("100*(x").append(i + 1).append(" - x").append(i).append("^2)^2 + (1 - x").append(i).append(")^2");
        }
        return s.toString();
    }

    @Setup
    public void setUp() {
        text = text(VARIABLES);
        parsed = Parser.parse(text);
        if (parsed.size() < 10_000) throw new IllegalStateException("only " + parsed.size() + " nodes");
    }

    @Benchmark
    public Expr parse() { return Parser.parse(text); }

    @Benchmark
    public Object compile() { return Tapes.compile(parsed, parsed.vars()); }

    /** Compiling the same tape on to JVM bytecode: scheduling, writing the classes with ASM, defining them. */
    @Benchmark
    public boolean generate() { return Tapes.compile(parsed, parsed.vars()).generate(); }
}
