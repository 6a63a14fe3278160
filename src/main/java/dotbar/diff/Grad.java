package dotbar.diff;

import dotbar.DotbarException;
import dotbar.print.TextTable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

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
        this.names = List.copyOf(names);
        this.values = values.clone();
    }

    /** A gradient from its components, {@code values[i]} = ∂f/∂{@code names[i]} (both copied). */
    public static Grad of(List<String> names, double[] values) {
        if (names.size() != values.length) {
            throw new DotbarException("a gradient needs one value per name: " + names.size() + " names, " + values.length + " values");
        }
        return new Grad(names, values);
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

    /** The variables, sorted by name. */
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
        double scale = 0;
        for (double v : values) scale = Math.max(scale, Math.abs(v));
        if (scale == 0 || !Double.isFinite(scale)) return scale;
        double sum = 0;
        for (double v : values) sum += (v / scale) * (v / scale);
        return scale * Math.sqrt(sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grad g && names.equals(g.names) && java.util.Arrays.equals(values, g.values);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + java.util.Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        var j = new StringJoiner(", ", "∇ = (", ")");
        for (int i = 0; i < values.length; i++) j.add("∂/∂" + names.get(i) + ": " + TextTable.number(values[i]));
        return j.toString();
    }
}
