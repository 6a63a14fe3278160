package dotbar.expr;

import dotbar.base.Interrupted;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The one total, deterministic order on expressions, so that {@code a + b} and {@code b + a} build
 * the same node: numbers first, then symbols by name, then built-in functions, applications,
 * partials and last sums, products and powers, each by name ({@link NaturalOrder}: x2 before x10)
 * and then by operands. Each node gets
 * a signature string computed once, bottom-up (no recursion), and remembered as long as the node
 * lives: a readable prefix, and past {@value #READABLE} characters a structural hash of the rest,
 * so comparing two nodes costs O(1) whatever their depth, and the order is the same in every run.
 */
public final class CanonicalOrder {
    private static final int READABLE = 48;

    /** A node's signature and structural hash. */
    private record Signature(String text, long hash) {}

    private static final Map<Expr, Signature> SIGNATURES = new WeakHashMap<>();

    private CanonicalOrder() {}

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}; zero only for the same node. */
    public static int compare(Expr a, Expr b) {
        if (a == b) return 0;
        int c = NaturalOrder.INSTANCE.compare(signature(a).text, signature(b).text);   // x2 before x10
        if (c != 0) return c;
        c = Long.compare(signature(a).hash, signature(b).hash);
        return c != 0 ? c : Integer.compare(System.identityHashCode(a), System.identityHashCode(b));
    }

    private static Signature signature(Expr e) {
        synchronized (SIGNATURES) {
            Signature known = SIGNATURES.get(e);
            return known != null ? known : compute(e);
        }
    }

    /** Post-order over the nodes not seen yet; known signatures are not walked again. */
    private static Signature compute(Expr e) {
        var pending = new ArrayDeque<Expr>();
        pending.push(e);
        long steps = 0;
        while (!pending.isEmpty()) {
            Interrupted.poll(++steps);
            Expr n = pending.peek();
            if (SIGNATURES.containsKey(n)) {
                pending.pop();
                continue;
            }
            List<Expr> kids = n.children();
            boolean ready = true;
            for (Expr k : kids) {
                if (!SIGNATURES.containsKey(k)) {
                    pending.push(k);
                    ready = false;
                }
            }
            if (!ready) continue;
            pending.pop();
            var text = new StringBuilder();
            long h;
            switch (n) {
                case Num x -> {
                    String v = x.isPi() ? "π" : x.isExact() ? "e" + x.exact() : "f" + x.value();
                    text.append('0').append(v);
                    h = v.hashCode();
                }
                case Sym s -> {
                    text.append('1').append(s.name());
                    h = s.name().hashCode();
                }
                case Call c -> {
                    // functions before operators: x·sin(x)·(a + b)
                    text.append(c.op().isOperator() ? '5' : '2').append(c.op().symbol());
                    h = c.op().name().hashCode();
                }
                case Apply a -> {
                    text.append('3').append(a.fn().name());
                    h = a.fn().name().hashCode() * 7L;
                }
                case Partial p -> {
                    text.append('4').append(p.fn().name()).append(p.wrt());
                    h = p.fn().name().hashCode() * 11L + p.wrt().hashCode();
                }
            }
            if (!kids.isEmpty()) {
                text.append('(');
                for (int i = 0; i < kids.size(); i++) {
                    if (i > 0) text.append(',');
                    Signature k = SIGNATURES.get(kids.get(i));
                    text.append(k.text);
                    h = h * 1_000_003L + k.hash;
                }
                text.append(')');
            }
            h ^= h >>> 29;
            SIGNATURES.put(n, new Signature(text.length() <= READABLE ? text.toString()
                    : text.substring(0, READABLE) + "~" + Long.toHexString(h), h));
        }
        return SIGNATURES.get(e);
    }
}
