package dotbar.repl;

import java.lang.reflect.Method;
import java.util.Map;

import jdk.jshell.execution.DirectExecutionControl;
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
 *
 * <p><b>Stopping.</b> Each snippet runs on a new thread of its own, which the calling thread waits
 * for. {@code JShell.stop()} (Ctrl-C) makes the stock engine do two things: it sets a flag that the
 * stop checks woven into snippet code test (at every backward branch and method entry), which end
 * the snippet at once; and it calls {@link Thread#interrupt()} on the snippet's thread, which is
 * what a long loop inside a library sees: dotbar's loops test {@link Thread#isInterrupted()} and
 * throw a {@code DotbarException} saying how far they got. The thread ends with the snippet, so the
 * interrupt never leaks into the next one. This engine also records whether the last run was ended
 * by the stop checks (JShell reports such a snippet as having run, with no value and no exception).
 */
final class LocalEngine implements ExecutionControlProvider {

    private volatile Control control;

    @Override
    public String name() {
        return "dotbar-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        control = new Control(new SnippetLoader(LocalEngine.class.getClassLoader()));
        return control;
    }

    /**
     * Whether the snippet run since the last {@link #forgetStop()} was ended by a stop request
     * (Ctrl-C) at one of its stop checks.
     */
    boolean stopped() {
        Control c = control;
        return c != null && c.stopped;
    }

    /** Why the value of the last snippet run or variable read could not be shown, or {@code null}. */
    String unshown() {
        Control c = control;
        return c == null ? null : c.unshown();
    }

    /** The loader of the snippets' classes (after the engine started), or {@code null} before. */
    SnippetLoader loader() {
        Control c = control;
        return c == null ? null : c.loader;
    }

    /** Called before each snippet: some (reading a variable) run no code, and would see the last one's flag. */
    void forgetStop() {
        Control c = control;
        if (c != null) {
            c.stopped = false;
        }
    }

    /**
     * The object behind the last snippet's value: the static field {@code name} of the wrapper class
     * JShell last ran or read a variable of (a variable's own name, {@code $3} for an expression's
     * temporary), or {@code null} when there is none. Snippets run in this JVM, so a notebook can
     * show the object itself, not only its {@code toString()}.
     */
    Object lastValue(String name) {
        Control c = control;
        return c == null ? null : c.lastValue(name);
    }

    /** The stock local control, falling back to uninstrumented loading when instrumenting fails. */
    private static final class Control extends LocalExecutionControl {
        private final SnippetLoader loader;
        private volatile boolean stopped;
        /** The wrapper class of the last snippet run or variable read. */
        private volatile String lastClass;
        /** Why the last value's text could not be made, or {@code null}. */
        private volatile String unshown;

        /** The snippet method a {@link #runAndShow} call runs, and the text of what it returned. */
        private static final class Call {
            final Method snippet;
            volatile ValueText.Shown shown;

            Call(Method snippet) {
                this.snippet = snippet;
            }
        }

        private static final InheritableThreadLocal<Call> CALL = new InheritableThreadLocal<>();
        private static final Method RUN_AND_SHOW;

        static {
            try {
                RUN_AND_SHOW = Control.class.getDeclaredMethod("runAndShow");
                RUN_AND_SHOW.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /**
         * Runs the snippet method of this thread's {@link Call} and makes its value's text; what the
         * snippet throws (an exception, or the stop of a Ctrl-C) is thrown on unchanged.
         */
        @SuppressWarnings("unused") // called reflectively, as the snippet method
        private static Object runAndShow() throws Throwable {
            Call call = CALL.get();
            Object value;
            try {
                value = call.snippet.invoke(null);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
            call.shown = ValueText.of(value, DirectExecutionControl::valueString);
            return null;
        }

        @Override
        public String invoke(String className, String methodName) throws RunException, EngineTerminationException, InternalException {
            lastClass = className;
            return super.invoke(className, methodName);
        }

        @Override
        public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
            lastClass = className;
            unshown = null;
            Object value;
            try {
                java.lang.reflect.Field field = findClass(className).getDeclaredField(varName);
                field.setAccessible(true);
                value = field.get(null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new InternalException(e.toString());
            }
            clientCodeEnter();
            try {
                return shown(ValueText.of(value, DirectExecutionControl::valueString));
            } finally {
                clientCodeLeave();
            }
        }

        /** The text to hand to JShell; a failure is kept for {@link #unshown()} and shows as nothing. */
        private String shown(ValueText.Shown shown) {
            unshown = shown.failure();
            return shown.failure() == null ? shown.text() : "";
        }

        Object lastValue(String name) {
            String className = lastClass;
            if (className == null || name == null) {
                return null;
            }
            try {
                Class<?> wrapper = findClass(className);
                java.lang.reflect.Field field;
                try {
                    field = wrapper.getDeclaredField(name);
                } catch (NoSuchFieldException readOnly) {
                    // a snippet that only names a variable ("e") runs a wrapper that returns it: the
                    // variable itself lives in the class of its definition
                    Class<?> owner = loader.newestDeclaring(name);
                    if (owner == null) {
                        return null;
                    }
                    field = owner.getDeclaredField(name);
                }
                field.setAccessible(true);
                return field.get(null);
            } catch (ReflectiveOperationException | RuntimeException notAField) {
                return null;
            }
        }

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

        /**
         * Runs the snippet through {@link #runAndShow}, on the snippet's own thread, so that its
         * value's text is made there (a Ctrl-C reaches a long {@code toString}) and bounded
         * ({@link ValueText}); the stock engine would call {@code toString()} unbounded, after the
         * snippet's thread ended, and a failure there would lose the snippet's outcome.
         */
        @Override
        protected String invoke(Method doitMethod) throws Exception {
            unshown = null;
            Call call = new Call(doitMethod);
            CALL.set(call); // inherited by the snippet's thread, which the stock engine starts from this one
            try {
                super.invoke(RUN_AND_SHOW);
                return shown(call.shown);
            } catch (StoppedException e) {
                stopped = true;
                throw e;
            } finally {
                CALL.remove();
            }
        }

        /** Why the last value could not be shown (its {@code toString()} threw), or {@code null}. */
        String unshown() {
            return unshown;
        }
    }
}
