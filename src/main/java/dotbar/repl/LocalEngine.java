package dotbar.repl;

import java.util.Map;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's in-process ("local") execution engine, with a work-around for JDK-8366926.
 *
 * <p>The local engine starts about half a second faster than the default remote (JDI) one, and
 * classes on the launcher's class path are visible to snippets with nothing extra. On JDK 25 the
 * stock engine rewrites every snippet class to insert stop checks, and that rewrite throws
 * {@code IllegalArgumentException: Could not resolve class} when a conditional expression mixes two
 * snippet-defined types ({@code c ? new A() : new B()}). This engine catches that failure and
 * loads the original bytes instead: the class works, it just cannot be stopped by Ctrl-C.
 */
final class LocalEngine implements ExecutionControlProvider {

    @Override
    public String name() {
        return "dotbar-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return new Control(new SnippetLoader(LocalEngine.class.getClassLoader()));
    }

    /** The stock local control, falling back to uninstrumented loading when instrumenting fails. */
    private static final class Control extends LocalExecutionControl {
        private final SnippetLoader loader;

        Control(SnippetLoader loader) {
            super(loader);
            this.loader = loader;
        }

        @Override
        public void load(ClassBytecodes[] classes)
                throws ClassInstallException, NotImplementedException, EngineTerminationException {
            try {
                super.load(classes);
            } catch (IllegalArgumentException instrumentationFailed) {
                // JDK-8366926: the stop-check weaver cannot resolve snippet classes; load them as compiled.
                loader.load(classes);
            }
        }
    }
}
