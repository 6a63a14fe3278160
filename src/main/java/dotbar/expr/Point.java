package dotbar.expr;

import dotbar.base.DotbarException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An immutable assignment of finite numbers to symbol names, in the order given:
 * {@code at("a=0.5, b=-1.2")}, {@code at("a", 0.5, "b", -1.2)}. {@link #with} returns a copy.
 * The text form {@code "a=0.5, b=-1.2"} is read by {@code dotbar.parse.Assignments} (the
 * parsers live above {@code expr}).
 */
public final class Point {
    private final Map<String, Double> values;
    /**
     * The values of the last unmodifiable list of names {@link #values(List)} was asked for, in
     * that order: a gradient or an optimizer asks for the same list again and again, and then
     * copies n numbers instead of looking up n names (the point never changes).
     */
    private volatile Order order;

    private record Order(List<String> names, double[] values) {}

    /** The values of tensor symbols (declared with a shape), by name. */
    private final Map<String, TensorValue> arrays;

    private Point(Map<String, Double> values) {
        this(values, Map.of());
    }

    private Point(Map<String, Double> values, Map<String, TensorValue> arrays) {
        this.values = Collections.unmodifiableMap(values);
        this.arrays = arrays.isEmpty() ? Map.of() : Collections.unmodifiableMap(arrays);
    }

    /** The empty point. */
    public static Point empty() {
        return new Point(new LinkedHashMap<>());
    }

    /** A point from a map of names to values. */
    public static Point of(Map<String, Double> values) {
        var copy = new LinkedHashMap<String, Double>();
        values.forEach((k, v) -> put(copy, k, v));
        return new Point(copy);
    }

    /** A point from alternating names and numbers: {@code of("a", 0.5, "b", -1.2)}. */
    public static Point of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new DotbarException("at(...) takes name, value pairs; got " + namesAndValues.length + " arguments");
        }
        var map = new LinkedHashMap<String, Double>();
        var arrays = new LinkedHashMap<String, TensorValue>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name)) {
                throw new DotbarException("at(...): argument " + (i + 1) + " should be a name, got " + namesAndValues[i]);
            }
            Shape shape = Shapes.declared(Exprs.sym(name).name());
            if (!shape.isScalar() || namesAndValues[i + 1] instanceof double[] || namesAndValues[i + 1] instanceof double[][]) {
                String key = Exprs.sym(name).name();
                if (shape.isScalar()) {
                    throw new DotbarException("at(...): " + name + " is given an array but has no shape; declare it first with matrix(\""
                            + name + "\", rows, columns) or vector(\"" + name + "\", n)");
                }
                if (arrays.containsKey(key)) throw new DotbarException("at(...): " + name + " is given twice");
                arrays.put(key, TensorValue.of(name, shape, namesAndValues[i + 1]));
                continue;
            }
            if (!(namesAndValues[i + 1] instanceof Number v)) {
                throw new DotbarException("at(...): the value of " + name + " should be a number, got " + namesAndValues[i + 1]);
            }
            if (map.containsKey(Exprs.sym(name).name())) throw new DotbarException("at(...): " + name + " is given twice");
            put(map, name, v.doubleValue());
        }
        return new Point(map, arrays);
    }

    private static void put(Map<String, Double> map, String name, double v) {
        String key = Exprs.sym(name).name();  // NFC: ŵ typed either way is one name
        map.put(key, finite(name, v));
    }

    /** {@code v}, when it is a finite number a point can hold; otherwise the error naming {@code name}. */
    public static double finite(String name, double v) {
        if (!Double.isFinite(v)) throw new DotbarException(name + " = " + v + " is not a finite number");
        return v;
    }

    /** A name as stored: NFC-normalised (lookups of a name that is not a valid symbol find nothing). */
    private static String key(String name) {
        return name == null ? null : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC);
    }

    /** The value of {@code name}; an error naming it when it has none. */
    public double get(String name) {
        Double v = values.get(key(name));
        if (v == null) throw new DotbarException("no value for " + name + " in " + this);
        return v;
    }

    /** The value of the tensor symbol {@code name}, or null when it has none. */
    public TensorValue tensor(String name) {
        return arrays.get(key(name));
    }

    /** The value of the tensor symbol {@code name} as rows, {@code double[rows][columns]}; an error when it has none. */
    public double[][] array(String name) {
        TensorValue v = tensor(name);
        if (v == null) throw new DotbarException("no array value for " + name + " in " + this);
        return v.toArray();
    }

    /** The names of the tensor symbols with values, in order. */
    public List<String> arrayNames() {
        return List.copyOf(arrays.keySet());
    }

    /** True when {@code name} has a value. */
    public boolean has(String name) {
        return values.containsKey(key(name));
    }

    /** A copy with {@code name} set to {@code value}. */
    public Point with(String name, double value) {
        var copy = new LinkedHashMap<>(values);
        put(copy, name, value);
        return new Point(copy, arrays);
    }

    /**
     * A copy with the symbol {@code name} set to {@code value}: a tensor symbol's value must have
     * its declared shape; a 1×1 value for a scalar symbol sets the number.
     */
    public Point with(String name, TensorValue value) {
        String key = Exprs.sym(name).name();
        Shape declared = Shapes.declared(key);
        if (declared.isScalar() && value.shape().isScalar()) return with(key, value.entries()[0]);
        if (!declared.equals(value.shape())) {
            throw new DotbarException(name + " is declared " + declared + " but was given a " + value.shape() + " value");
        }
        var copy = new LinkedHashMap<>(arrays);
        copy.put(key, value);
        return new Point(new LinkedHashMap<>(values), copy);
    }

    /** The names, in order. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** The values as a map, in order (unmodifiable). */
    public Map<String, Double> asMap() {
        return values;
    }

    /** The values of {@code names}, in that order; an error naming every missing one. */
    public double[] values(List<String> names) {
        return sharedValues(names).clone();
    }

    /** The values of {@code names} into {@code out[0 … names.size()−1]}; an error naming every missing one, out untouched. */
    public void values(List<String> names, double[] out) {
        double[] known = sharedValues(names);
        System.arraycopy(known, 0, out, 0, known.length);
    }

    /**
     * The values of {@code names} in that order, in the point's own array when {@code names} is
     * the unmodifiable list it keeps them for (else a fresh one): <b>read-only</b>, for code that
     * reads n parameters in place on every call instead of copying them (a tape's gradient at a
     * point, {@code grad(e, p)}). {@link #values(List)} gives a copy. Only {@code dotbar.tape}
     * calls it ({@code ArchitectureTest}); an error naming every missing name.
     */
    public double[] sharedValues(List<String> names) {
        Order known = order;
        if (known != null && known.names == names) return known.values;
        List<String> frozen = List.copyOf(names);
        known = order(frozen);
        if (frozen == names) order = known;
        return known.values;
    }

    private Order order(List<String> names) {
        var missing = names.stream().filter(n -> !values.containsKey(key(n))).toList();
        if (!missing.isEmpty()) throw missingValues(missing);
        double[] r = new double[names.size()];
        for (int i = 0; i < r.length; i++) r[i] = values.get(key(names.get(i)));
        return new Order(names, r);
    }

    /**
     * The error for symbols without a value: {@code no value for b} / {@code no values for b, c};
     * at most ten names, then {@code … and 989 more}.
     */
    public static DotbarException missingValues(List<String> missing) {
        return new DotbarException(missing.size() == 1 ? "no value for " + missing.get(0)
                : "no values for " + listed(missing));
    }

    /** How many names a message lists before it says how many more there are. */
    public static final int LISTED = 10;

    /** {@code a, b, c}: the names joined, the first {@value #LISTED} only and then {@code … and N more}. */
    public static String listed(List<String> names) {
        if (names.size() <= LISTED) return String.join(", ", names);
        return String.join(", ", names.subList(0, LISTED)) + " … and " + (names.size() - LISTED) + " more";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Point p && values.equals(p.values) && arrays.equals(p.arrays);
    }

    @Override
    public int hashCode() {
        return values.hashCode() + 31 * arrays.hashCode();
    }

    /** {@code (a=0.5, b=-1.2)}. */
    @Override
    public String toString() {
        var j = new StringJoiner(", ", "(", ")");
        values.forEach((k, v) -> j.add(k + "=" + formatNumber(v)));
        arrays.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    /** A number as people write it: {@code 2} rather than {@code 2.0}; otherwise the shortest exact form. */
    public static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }
}
