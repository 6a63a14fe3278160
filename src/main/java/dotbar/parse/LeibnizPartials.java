package dotbar.parse;

import dotbar.base.Superscripts;
import dotbar.expr.Apply;
import dotbar.expr.Expr;
import dotbar.expr.Exprs;
import dotbar.expr.Fn;
import dotbar.expr.Partial;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The partials of one text typed by their Leibniz name, {@code ∂f/∂g}, which does not say where f
 * is taken: each resolves against the applications of f in the same text (a claim's two sides
 * are one text), as the printers write it only when it names one thing in its expression. So
 * {@code d/dx f(g(x)) = ∂f/∂g * ∂g/∂x} reads the right side as the partials at g(x) and x.
 *
 * <p>The text is parsed twice when it has such a name: first to gather the applications (a
 * stand-in takes each name's place), then to resolve the names. A name that fits no application,
 * or more than one, is an error naming the choices and the column.
 */
final class LeibnizPartials {
    /** Sorted index tuples looked at per application and order (see {@link Partial#wrtTuples}). */
    private static final int MAX_TUPLES = 2_000;
    /** Choices named in an ambiguity's message. */
    private static final int SHOWN = 4;

    private final Set<Apply> applications = new LinkedHashSet<>();
    private boolean resolving;
    private boolean named;
    /** Per function and order: the partials each denominator can mean, built on first use. */
    private final Map<Fn, Map<Integer, Map<List<Partial.Variable>, List<Partial>>>> meanings = new HashMap<>();

    private LeibnizPartials() {}

    /** Runs {@code pass} once, and again to resolve the Leibniz names when the first pass met any. */
    static <T> T parse(Function<LeibnizPartials, T> pass) {
        var r = new LeibnizPartials();
        T first = pass.apply(r);
        if (!r.named) return first;
        r.resolving = true;
        return pass.apply(r);
    }

    /** Notes an application the parser built (gathered in the first pass). */
    void applied(Expr e) {
        if (!resolving && e instanceof Apply a) applications.add(a);
    }

    /** The partial {@code name} (of {@code fn}, typed at {@code t}) means in this text. */
    Expr resolve(Fn fn, PartialName name, Token t, String source) {
        if (!resolving) {
            named = true;
            return Exprs.num(1);  // a stand-in: this pass only gathers the applications
        }
        List<Partial> choices = meanings.computeIfAbsent(fn, f -> new HashMap<>())
                .computeIfAbsent(name.order(), order -> index(fn, order))
                .getOrDefault(name.denominator(), List.of());
        if (choices.size() == 1) return Exprs.partial(fn, choices.get(0).wrt(), choices.get(0).args());
        if (choices.isEmpty()) {
            throw new ParseException(t.text() + " names no partial here: no application of " + fn.name()
                    + " in this text has " + name.denominator().stream().map(Partial.Variable::name).distinct()
                    .collect(Collectors.joining(", ")) + " as the argument" + (name.denominator().size() == 1 ? "" : "s")
                    + "; write where it is taken, as in " + example(fn, name), source, t.column());
        }
        String shown = choices.stream().limit(SHOWN).map(LeibnizPartials::explicit).collect(Collectors.joining(" or "));
        throw new ParseException(t.text() + " is ambiguous here: it can be " + shown
                + (choices.size() > SHOWN ? " or " + (choices.size() - SHOWN) + " more" : "") + "; write the one you mean",
                source, t.column());
    }

    /** What each denominator of {@code fn}'s partials of {@code order} can mean over the applications of the text. */
    private Map<List<Partial.Variable>, List<Partial>> index(Fn fn, int order) {
        var out = new HashMap<List<Partial.Variable>, List<Partial>>();
        for (Apply a : applications) {
            if (a.fn() != fn) continue;
            for (List<Integer> wrt : Partial.wrtTuples(fn.arity(), order, MAX_TUPLES)) {
                var p = new Partial(fn, wrt, a.args());  // not interned: most are only looked at
                List<Partial> list = out.computeIfAbsent(p.denominator(), k -> new ArrayList<>());
                list.add(p);  // distinct: the applications are, and so are one's tuples
            }
        }
        return out;
    }

    /** The partial written with its parameters and arguments, as the parser reads it: ∂g/∂u(x, y). */
    static String explicit(Partial p) {
        return head(p.fn(), p.wrt().size(), p.parameterDenominator())
                + p.args().stream().map(Expr::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code ∂f/∂u(…) for f(u, v)}: the explicit form by the first parameter. */
    private static String example(Fn fn, PartialName name) {
        String first = fn.params().isEmpty() ? "u" : fn.params().get(0);
        return head(fn, name.order(), List.of(new Partial.Variable(first, name.order()))) + "(…) for " + fn.signature();
    }

    private static String head(Fn fn, int order, List<Partial.Variable> denominator) {
        var s = new StringBuilder("∂");
        if (order > 1) s.append(Superscripts.of(order));
        s.append(fn.name()).append('/');
        for (Partial.Variable v : denominator) {
            s.append('∂').append(v.name());
            if (v.times() > 1) s.append(Superscripts.of(v.times()));
        }
        return s.toString();
    }
}
