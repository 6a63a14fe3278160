package dotbar.simplify;

import dotbar.base.Interrupted;
import dotbar.expr.Apply;
import dotbar.expr.Call;
import dotbar.expr.Expr;
import dotbar.expr.Num;
import dotbar.expr.Partial;
import dotbar.expr.Sym;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * A total, deterministic order on expressions, so that {@code a + b} and {@code b + a} simplify to
 * the same node: numbers first, then symbols by name, then built-in functions, applications,
 * partials and last sums, products and powers, each by name and then by operands. Each node gets a signature string computed once,
 * bottom-up (no recursion): a readable prefix, and past {@value #READABLE} characters a structural
 * hash of the rest, so comparing two nodes costs O(1) whatever their depth.
 */
final class CanonicalOrder {
    private static final int READABLE = 48;

    private final IdentityHashMap<Expr, String> signature = new IdentityHashMap<>();
    private final IdentityHashMap<Expr, Long> hash = new IdentityHashMap<>();

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}; zero only for the same node. */
    int compare(Expr a, Expr b) {
        if (a == b) return 0;
        int c = signature(a).compareTo(signature(b));
        return c != 0 ? c : Long.compare(System.identityHashCode(a), System.identityHashCode(b));
    }

    String signature(Expr e) {
        String known = signature.get(e);
        if (known != null) return known;
        // post-order over the nodes not seen yet; known signatures are not walked again
        var pending = new ArrayDeque<Expr>();
        pending.push(e);
        long steps = 0;
        while (!pending.isEmpty()) {
            Interrupted.poll(++steps);
            Expr n = pending.peek();
            if (signature.containsKey(n)) {
                pending.pop();
                continue;
            }
            List<Expr> kids = n.children();
            boolean ready = true;
            for (Expr k : kids) {
                if (!signature.containsKey(k)) {
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
                    text.append('0').append(x.value());
                    h = Double.hashCode(x.value());
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
                    text.append(signature.get(kids.get(i)));
                    h = h * 1_000_003L + hash.get(kids.get(i));
                }
                text.append(')');
            }
            h ^= h >>> 29;
            hash.put(n, h);
            signature.put(n, text.length() <= READABLE ? text.toString()
                    : text.substring(0, READABLE) + "~" + Long.toHexString(h));
        }
        return signature.get(e);
    }
}
