package dotbar.optim;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A read-only map that prints as people read it (the hyperparameters as {@code {η=0.001, ε=1e-8}},
 * the states as a table) while it stays an ordinary {@code Map} for code: {@code get}, iteration
 * and {@code equals} are those of the map it wraps.
 */
final class Printed<V> extends AbstractMap<String, V> {
    private final Map<String, V> map;
    private final Function<Map<String, V>, String> text;

    Printed(Map<String, V> map, Function<Map<String, V>, String> text) {
        this.map = Collections.unmodifiableMap(map);
        this.text = text;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return map.entrySet();
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public String toString() {
        return text.apply(map);
    }
}
