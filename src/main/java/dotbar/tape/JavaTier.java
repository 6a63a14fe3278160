package dotbar.tape;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * The second tier of a tape: once a tape has interpreted about {@value #THRESHOLD_INSTRUCTIONS}
 * instructions (a fraction of a second), its program is turned into Java source
 * ({@link JavaSource}), compiled in memory ({@link Javac}) on a background thread, and used from
 * then on. The same idea as the JVM's own tiers: interpret what runs rarely, compile what runs a
 * lot. {@code -Ddotbar.tape.javac=false} turns the automatic step off;
 * {@link Compiled#generateJava()} still works.
 */
final class JavaTier {
    static final long THRESHOLD_INSTRUCTIONS = 100_000_000;
    /** Larger programs stay interpreted: javac's time and the generated class's size grow with them. */
    static final int MAX_INSTRUCTIONS = 200_000;
    static final boolean AUTOMATIC = !"false".equals(System.getProperty("dotbar.tape.javac"));

    private static final AtomicLong NAMES = new AtomicLong();
    private static volatile ExecutorService background;

    private JavaTier() {}

    /** The generated value and gradient programs. */
    record Generated(ToDoubleFunction<double[]> value, Consumer<double[]> gradient) {}

    /** Generates, compiles and loads the tape's programs; the failure's reason when that is not possible. */
    @SuppressWarnings("unchecked")
    static Object generate(Compiled tape) {
        if (tape.gradientInstructions() > MAX_INSTRUCTIONS) {
            return "the program has more than " + MAX_INSTRUCTIONS + " instructions";
        }
        String name = "DotbarTape" + NAMES.incrementAndGet();
        String source = JavaSource.of(tape, name);
        if (Boolean.getBoolean("dotbar.tape.printSource")) System.err.println(source);
        Javac.Result result = Javac.compile(name, source);
        if (result.type() == null) return result.failure();
        try {
            Object program = result.type().getConstructor().newInstance();
            return new Generated((ToDoubleFunction<double[]>) program, (Consumer<double[]>) program);
        } catch (ReflectiveOperationException e) {
            return "instantiating the generated class failed: " + e;
        }
    }

    /** Generates the tape's programs on the background thread. */
    static void submit(Compiled tape) {
        if (!AUTOMATIC) return;
        executor().execute(tape::generateJava);
    }

    private static ExecutorService executor() {
        if (background == null) {
            synchronized (JavaTier.class) {
                if (background == null) {
                    background = Executors.newSingleThreadExecutor(r -> {
                        var t = new Thread(r, "dotbar-tape-javac");
                        t.setDaemon(true);
                        t.setPriority(Thread.MIN_PRIORITY);
                        return t;
                    });
                }
            }
        }
        return background;
    }
}
