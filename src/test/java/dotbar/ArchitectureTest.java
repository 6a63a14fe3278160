package dotbar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * The layering of docs/architecture.md, checked on the compiled classes (every reference in the
 * bytecode counts, not only {@code import} lines): a wrong-way dependency fails the build.
 * Reproduce with {@code mvn test -Dtest=ArchitectureTest}.
 *
 * <pre>
 *   base ← expr ← (parse, print, simplify, diff, tape, plot) ← check, optim ← DotBar ← repl
 * </pre>
 * with {@code sweep} (the one forward and one reverse walk) just above {@code expr}, and
 * {@code print} above {@code diff} because it renders diff's data (traces, gradients, Hessians).
 * A lower package that needs a higher one's code at run time declares a small interface and
 * finds its implementation with {@link java.util.ServiceLoader} ({@code expr.ExprText}).
 */
@AnalyzeClasses(packages = "dotbar", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Each package may use only the layers below it; every dotbar class sits in one of them. */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("base").definedBy("dotbar.base..")
            .layer("expr").definedBy("dotbar.expr..")
            .layer("sweep").definedBy("dotbar.sweep..")
            .layer("parse").definedBy("dotbar.parse..")
            .layer("print").definedBy("dotbar.print..")
            .layer("simplify").definedBy("dotbar.simplify..")
            .layer("diff").definedBy("dotbar.diff..")
            .layer("tape").definedBy("dotbar.tape..")
            .layer("plot").definedBy("dotbar.plot..")
            .layer("check").definedBy("dotbar.check..")
            .layer("optim").definedBy("dotbar.optim..")
            .layer("facade").definedBy("dotbar")
            .layer("repl").definedBy("dotbar.repl..")

            .whereLayer("base").mayNotAccessAnyLayer()
            .whereLayer("expr").mayOnlyAccessLayers("base")
            .whereLayer("sweep").mayOnlyAccessLayers("expr", "base")
            .whereLayer("parse").mayOnlyAccessLayers("expr", "base")
            .whereLayer("simplify").mayOnlyAccessLayers("expr", "base")
            .whereLayer("diff").mayOnlyAccessLayers("sweep", "expr", "base")
            .whereLayer("tape").mayOnlyAccessLayers("sweep", "expr", "base")
            .whereLayer("print").mayOnlyAccessLayers("diff", "sweep", "expr", "base")
            .whereLayer("plot").mayOnlyAccessLayers("expr", "base")
            .whereLayer("check").mayOnlyAccessLayers("parse", "print", "simplify", "diff", "sweep", "expr", "base")
            .whereLayer("optim").mayOnlyAccessLayers("parse", "print", "simplify", "diff", "tape", "plot", "sweep", "expr", "base")
            .whereLayer("facade").mayOnlyAccessLayers("check", "optim", "parse", "print", "simplify", "diff", "tape", "plot",
                    "sweep", "expr", "base")
            .whereLayer("repl").mayNotBeAccessedByAnyLayer();

    /** Only the REPL and its notebook kernel touch the terminal, JShell and the Jupyter wire. */
    @ArchTest
    static final ArchRule onlyReplTouchesTheOutside = noClasses()
            .that().resideOutsideOfPackage("dotbar.repl..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.jline..", "jdk.jshell..", "org.zeromq..", "zmq..", "com.google.gson..");

    /** A point's shared array is read in place by the tape only (and by Point, in its own package): anyone else takes a copy. */
    @ArchTest
    static final ArchRule onlyTheTapeReadsAPointInPlace = noClasses()
            .that().resideOutsideOfPackages("dotbar.tape..", "dotbar.expr..")
            .should().callMethod(dotbar.expr.Point.class, "sharedValues", List.class)
            .because("Point.sharedValues hands out the point's own array, which nobody may write");

    /**
     * No two packages need each other (a cycle would make both one unit in all but name). A package
     * and its subpackages are one slice: {@code repl.Main} starts either the terminal REPL or the
     * notebook kernel ({@code repl.jupyter}), which runs cells through {@code repl}'s session.
     */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dotbar.(*)..").should().beFreeOfCycles();

    /** Every package says in its package-info.java what it holds and what it may depend on. */
    @ArchTest
    static void everyPackageIsDocumented(JavaClasses classes) {
        var undocumented = new TreeSet<String>();
        for (JavaClass c : classes) {
            if (!Files.exists(Path.of("src/main/java", c.getPackageName().replace('.', '/'), "package-info.java"))) {
                undocumented.add(c.getPackageName());
            }
        }
        assertEquals(List.of(), List.copyOf(undocumented), "packages without a package-info.java");
    }
}
