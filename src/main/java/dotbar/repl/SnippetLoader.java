package dotbar.repl;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Defines snippet classes in the running JVM, on top of the launcher's class loader.
 *
 * <p>The JDK's own delegate is package-private, and {@link LocalEngine} needs a reference to the
 * delegate it hands to the execution control, so this is a small equivalent of it.
 *
 * <p>It also remembers the versions of each snippet's wrapper class. This engine cannot redefine a
 * loaded class, so when a declaration another variable depends on is replaced, JShell loads the
 * dependent's recompiled wrapper as a new class ({@code REPL.$JShell$14} becomes
 * {@code REPL.$JShell$14A}) whose field holds no value yet; {@link #previousVersion} finds the old
 * class, whose field still holds it (see {@link Updates}).
 */
final class SnippetLoader implements LoaderDelegate {

    private final Loader loader;
    private final Map<String, Class<?>> loaded = new HashMap<>();
    /** JShell's wrapper class names: the snippet key's number, then letters counting versions. */
    private static final Pattern WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$(\\d+)[A-Z]*");
    /** The latest loaded wrapper class of each snippet key's number. */
    private final Map<String, Class<?>> latestByKey = new HashMap<>();
    /** Each wrapper class → the wrapper of the same key loaded before it. */
    private final Map<Class<?>, Class<?>> previous = new HashMap<>();
    /** Classes loaded since {@link #mark()}, in order. */
    private final List<Class<?>> sinceMark = new ArrayList<>();

    SnippetLoader(ClassLoader parent) {
        this.loader = new Loader(parent);
        // JShell's own delegate does the same: code that looks up classes by name should see snippets.
        Thread.currentThread().setContextClassLoader(loader);
    }

    @Override
    public synchronized void load(ClassBytecodes[] classes) throws ClassInstallException {
        boolean[] installed = new boolean[classes.length];
        try {
            for (ClassBytecodes c : classes) {
                loader.declare(c.name(), c.bytecodes());
            }
            for (int i = 0; i < classes.length; i++) {
                Class<?> k = loader.loadClass(classes[i].name());
                loaded.put(classes[i].name(), k);
                remember(classes[i].name(), k);
                installed[i] = true;
                k.getDeclaredMethods(); // link now, so a bad class fails here and not at first use
            }
        } catch (Throwable e) {
            throw new ClassInstallException("load: " + e.getMessage(), installed);
        }
    }

    private void remember(String name, Class<?> k) {
        sinceMark.add(k);
        Matcher m = WRAPPER.matcher(name);
        if (m.matches()) {
            Class<?> before = latestByKey.put(m.group(1), k);
            if (before != null) {
                previous.put(k, before);
            }
        }
    }

    /** Starts a new list of {@link #loadedSinceMark() loaded classes}: called before each snippet. */
    synchronized void mark() {
        sinceMark.clear();
    }

    /** The classes loaded since the last {@link #mark()}, oldest first. */
    synchronized List<Class<?>> loadedSinceMark() {
        return List.copyOf(sinceMark);
    }

    /**
     * The wrapper class that held the same snippet before the current snippet began, {@code k}
     * replacing it — directly or through versions loaded while the same snippet ran (JShell may
     * replace a class more than once in one evaluation) — or {@code null}.
     */
    synchronized Class<?> previousVersion(Class<?> k) {
        Class<?> before = previous.get(k);
        while (before != null && sinceMark.contains(before)) {
            before = previous.get(before);
        }
        return before;
    }

    @Override
    public synchronized void classesRedefined(ClassBytecodes[] classes) {
        for (ClassBytecodes c : classes) {
            loader.declare(c.name(), c.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        try {
            for (String entry : path.split(File.pathSeparator)) {
                loader.addURL(new File(entry).toURI().toURL());
            }
        } catch (MalformedURLException e) {
            throw new InternalException("bad class path entry: " + e.getMessage());
        }
    }

    @Override
    public synchronized Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> k = loaded.get(name);
        if (k == null) {
            throw new ClassNotFoundException(name + " not found");
        }
        return k;
    }

    /**
     * The newest snippet wrapper class ({@code REPL.$JShell$17}; JShell numbers them in order) that
     * declares a field {@code name}: the class of the variable's current definition. {@code null} if none.
     */
    synchronized Class<?> newestDeclaring(String name) {
        Class<?> newest = null;
        long newestNumber = -1;
        // the latest version of each snippet's wrapper: a replaced declaration's dependents are reloaded as $14A, $14B, …
        for (Map.Entry<String, Class<?>> e : latestByKey.entrySet()) {
            long number = Long.parseLong(e.getKey());
            if (number <= newestNumber) {
                continue;
            }
            try {
                e.getValue().getDeclaredField(name);
                newest = e.getValue();
                newestNumber = number;
            } catch (NoSuchFieldException notHere) {
                // another snippet's wrapper
            }
        }
        return newest;
    }

    /** A class loader that defines declared snippet classes on demand. */
    private static final class Loader extends URLClassLoader {
        private final Map<String, byte[]> declared = new HashMap<>();

        Loader(ClassLoader parent) {
            super(new URL[0], parent);
        }

        synchronized void declare(String name, byte[] bytes) {
            declared.put(name, bytes);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes;
            synchronized (this) {
                bytes = declared.get(name);
            }
            return bytes == null ? super.findClass(name) : defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        protected void addURL(URL url) {
            super.addURL(url);
        }
    }
}
