package dotbar.repl;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.Map;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Defines snippet classes in the running JVM, on top of the launcher's class loader.
 *
 * <p>The JDK's own delegate is package-private, and {@link LocalEngine} needs a reference to the
 * delegate it hands to the execution control, so this is a small equivalent of it.
 */
final class SnippetLoader implements LoaderDelegate {

    private final Loader loader;
    private final Map<String, Class<?>> loaded = new HashMap<>();

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
                installed[i] = true;
                k.getDeclaredMethods(); // link now, so a bad class fails here and not at first use
            }
        } catch (Throwable e) {
            throw new ClassInstallException("load: " + e.getMessage(), installed);
        }
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
        for (Map.Entry<String, Class<?>> e : loaded.entrySet()) {
            java.util.regex.Matcher m = WRAPPER.matcher(e.getKey());
            if (!m.matches() || Long.parseLong(m.group(1)) <= newestNumber) {
                continue;
            }
            try {
                e.getValue().getDeclaredField(name);
                newest = e.getValue();
                newestNumber = Long.parseLong(m.group(1));
            } catch (NoSuchFieldException notHere) {
                // another snippet's wrapper
            }
        }
        return newest;
    }

    private static final java.util.regex.Pattern WRAPPER = java.util.regex.Pattern.compile("REPL\\.\\$JShell\\$(\\d+)[A-Z]?");

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
