package dotbar.diff;

import java.util.ServiceLoader;

/** Holds the {@link Rendering} found on the class path: loaded when first printed, once. */
final class RenderingLoader {
    private RenderingLoader() {}

    static final Rendering RENDERING = ServiceLoader.load(Rendering.class, Rendering.class.getClassLoader()).findFirst()
            .orElseThrow(() -> new IllegalStateException("no " + Rendering.class.getName()
                    + " registered in META-INF/services: dotbar.print is not on the class path"));
}
