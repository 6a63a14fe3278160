package dotbar.tape;

import dotbar.expr.Op;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles one Java source file in memory with the JDK's compiler ({@code javax.tools}) and
 * loads the class in a class loader of its own, so it is unloaded with the last reference to it.
 * Without a JDK (a bare runtime) there is no compiler, and the caller keeps interpreting.
 */
final class Javac {
    private Javac() {}

    /** The loaded class, or the reason there is none. */
    record Result(Class<?> type, String failure) {}

    static Result compile(String className, String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) return new Result(null, "no Java compiler in this runtime (a JDK is needed)");
        Optional<String> classpath = dotbarClasses();
        if (classpath.isEmpty()) return new Result(null, "the location of dotbar's classes is unknown");
        var classes = new HashMap<String, ByteArrayOutputStream>();
        var messages = new StringWriter();
        try (var files = new InMemory(javac.getStandardFileManager(null, null, StandardCharsets.UTF_8), classes)) {
            var unit = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override public CharSequence getCharContent(boolean ignoreEncodingErrors) { return source; }
            };
            var options = List.of("-classpath", classpath.get(), "-proc:none", "-g:none", "-nowarn", "-implicit:none");
            boolean ok = javac.getTask(messages, files, null, options, null, List.of(unit)).call();
            if (!ok) return new Result(null, "javac failed: " + messages);
        } catch (java.io.IOException | RuntimeException e) {
            return new Result(null, "javac failed: " + e);
        }
        Map<String, byte[]> bytes = new HashMap<>();
        classes.forEach((name, out) -> bytes.put(name, out.toByteArray()));
        try {
            return new Result(new Loader(bytes).loadClass(className), null);
        } catch (ClassNotFoundException | LinkageError e) {
            return new Result(null, "loading the generated class failed: " + e);
        }
    }

    /** The class path entry (directory or jar) holding dotbar's classes, which the generated code calls. */
    private static Optional<String> dotbarClasses() {
        try {
            var source = Op.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()).toString());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Keeps compiled classes in memory instead of writing .class files. */
    private static final class InMemory extends ForwardingJavaFileManager<JavaFileManager> {
        private final Map<String, ByteArrayOutputStream> classes;

        InMemory(JavaFileManager files, Map<String, ByteArrayOutputStream> classes) {
            super(files);
            this.classes = classes;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override public OutputStream openOutputStream() {
                    return classes.computeIfAbsent(className, k -> new ByteArrayOutputStream());
                }
            };
        }
    }

    private static final class Loader extends ClassLoader {
        private final Map<String, byte[]> classes;

        Loader(Map<String, byte[]> classes) {
            super(Op.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) throw new ClassNotFoundException(name);
            return defineClass(name, b, 0, b.length);
        }
    }
}
