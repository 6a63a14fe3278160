package dotbar.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of this package in one JMH run (one fork each) and prints the ratio table
 * ({@link Report}). Arguments: {@code --quick} for a short smoke run; any other argument is a
 * regular expression selecting benchmarks (default: all). Raw results go to
 * {@code target/bench/jmh-result.json}. {@code scaling} (first argument) runs {@link DepthScaling}
 * instead: every entry point at depths 1k to 64k with its fitted exponent.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("scaling")) {
            DepthScaling.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        boolean quick = false;
        var includes = new ArrayList<String>();
        for (String a : args) {
            if (a.equals("--quick")) quick = true;
            else includes.add(a);
        }
        if (includes.isEmpty()) includes.add("dotbar\\.bench\\..*Bench\\.");
        Files.createDirectories(Path.of("target/bench"));
        var options = new OptionsBuilder()
                .forks(1)
                .warmupIterations(quick ? 1 : 4)
                .warmupTime(TimeValue.milliseconds(quick ? 200 : 500))
                .measurementIterations(quick ? 2 : 10)
                .measurementTime(TimeValue.milliseconds(quick ? 200 : 500))
                // tapes reach the second tier only where a benchmark asks (generate)
                .jvmArgsAppend("-Xms2g", "-Xmx2g", "-Ddotbar.tape.tier2=false")
                .resultFormat(ResultFormatType.JSON)
                .result("target/bench/jmh-result.json")
                .shouldFailOnError(true);
        includes.forEach(options::include);
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println();
        System.out.print(Report.text(results));
    }
}
