package dotbar.diff;

import dotbar.base.DotbarException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gradient ∇f = (∂f/∂x₁, …, ∂f/∂xₙ) at a point, by the expression's free symbols in name
 * order. It comes from one reverse sweep (seed eq. 27–30): {@code grad(L, at("a=0.5, b=-1.2, c=0.3"))}.
 * Prints as {@code ∇ = (∂/∂a: 0.25, ∂/∂b: -0.1, ∂/∂c: 1)} (6 significant digits; {@link #get} is exact).
 */
public final class Grad {
    private final List<String> names;
    private final double[] values;
    private volatile java.util.Map<String, Integer> index;  // name → position, built on the first get

    Grad(List<String> names, double[] values) {
        this(List.copyOf(names), values.clone(), true);
    }

    private Grad(List<String> names, double[] values, boolean checked) {
        this.names = names;
        this.values = values;
    }

    /** A gradient from its components, {@code values[i]} = ∂f/∂{@code names[i]} (both copied). */
    public static Grad of(List<String> names, double[] values) {
        if (names.size() != values.length) {
            throw new DotbarException("a gradient needs one value per name: " + names.size() + " names, " + values.length + " values");
        }
        return new Grad(names, values);
    }

    /**
     * A gradient that takes {@code values} over without copying it — for a producer that hands
     * over a fresh array nobody else holds ({@code grad(e, p)}: one array of n numbers per call).
     */
    public static Grad over(List<String> names, double[] values) {
        if (names.size() != values.length) return of(names, values);  // the same error
        return new Grad(List.copyOf(names), values, true);
    }

    /** ∂f/∂name; an error when the expression has no such variable. */
    public double get(String name) {
        var byName = index;
        if (byName == null) {
            byName = new java.util.HashMap<>();
            for (int k = 0; k < names.size(); k++) byName.putIfAbsent(names.get(k), k);
            index = byName;
        }
        int i = name == null ? -1 : byName.getOrDefault(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC), -1);
        if (i < 0) {
            throw new DotbarException("the gradient has no component " + name + "; the variables are "
                    + (names.isEmpty() ? "none (the expression is constant)" : String.join(", ", names)));
        }
        return values[i];
    }

    /** The variables, sorted by name naturally ({@code x2} before {@code x10}). */
    public List<String> names() {
        return names;
    }

    /** The components in the order of {@link #names()} (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** The components by name, in name order (unmodifiable). */
    public Map<String, Double> asMap() {
        var m = new LinkedHashMap<String, Double>();
        for (int i = 0; i < values.length; i++) m.put(names.get(i), values[i]);
        return Collections.unmodifiableMap(m);
    }

    /** The Euclidean norm ‖∇f‖ = √(Σ (∂f/∂xᵢ)²), without overflow for large components. */
    public double norm() {
        if (arrays.isEmpty()) return norm(values);
        var all = new java.util.ArrayList<Double>();
        for (double v : values) all.add(v);
        for (double[][] a : arrays.values()) for (double[] row : a) for (double v : row) all.add(v);
        return norm(all.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The components of tensor parameters, by name (issue 15); empty for a scalar gradient. */
    private Map<String, double[][]> arrays = Map.of();

    /**
     * A gradient with tensor components: the scalar parameters' as {@link #get}, each tensor
     * parameter's as a matrix of its shape ({@link #array}).
     */
    public static Grad withArrays(List<String> names, double[] values, Map<String, double[][]> arrays) {
        Grad g = of(names, values);
        var copy = new LinkedHashMap<String, double[][]>();
        arrays.forEach((k, v) -> copy.put(k, deepCopy(v)));
        g.arrays = Collections.unmodifiableMap(copy);
        return g;
    }

    /** ∂L/∂W for the tensor parameter {@code name}, a matrix of W's shape: {@code grad(L, p).array("W1")}. */
    public double[][] array(String name) {
        double[][] a = name == null ? null : arrays.get(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC));
        if (a == null) {
            throw new DotbarException("the gradient has no matrix component " + name + "; its matrices are "
                    + (arrays.isEmpty() ? "none" : String.join(", ", arrays.keySet()))
                    + (names.contains(name) ? " (" + name + " is a scalar: get(\"" + name + "\"))" : ""));
        }
        return deepCopy(a);
    }

    /** The names of the tensor components, in order. */
    public List<String> arrayNames() {
        return List.copyOf(arrays.keySet());
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) r[i] = a[i].clone();
        return r;
    }

    /**
     * The Euclidean norm √(Σ vᵢ²) of any vector, without overflow or underflow: the plain sum of
     * squares when it is safely inside the range of doubles (four running sums, so the loop is
     * not one long chain of dependent additions), else the components scaled by the largest.
     */
    public static double norm(double[] values) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < values.length; i += 4) {
            s0 += values[i] * values[i];
            s1 += values[i + 1] * values[i + 1];
            s2 += values[i + 2] * values[i + 2];
            s3 += values[i + 3] * values[i + 3];
        }
        for (; i < values.length; i++) s0 += values[i] * values[i];
        double sum = (s0 + s1) + (s2 + s3);
        if (sum > 0x1p-900 && sum < 0x1p900) return Math.sqrt(sum);
        double scale = 0;
        for (double v : values) scale = Math.max(scale, Math.abs(v));
        if (scale == 0 || !Double.isFinite(scale)) return scale;
        double scaled = 0;
        for (double v : values) scaled += (v / scale) * (v / scale);
        return scale * Math.sqrt(scaled);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grad g && names.equals(g.names) && java.util.Arrays.equals(values, g.values);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + java.util.Arrays.hashCode(values);
    }

    /** {@code ∇ = (∂/∂a: 0.25, ∂/∂b: -0.1)}, 6 significant digits ({@link Rendering}). */
    @Override
    public String toString() {
        return Rendering.get().text(this);
    }
}
