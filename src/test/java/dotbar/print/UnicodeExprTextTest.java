package dotbar.print;

import static dotbar.DotBar.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dotbar.expr.ExprText;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;

/** {@code expr} finds its printer through META-INF/services, not through an import. */
class UnicodeExprTextTest {
    @Test
    void theOneRegisteredNotationIsTheUnicodePrinter() {
        var found = ServiceLoader.load(ExprText.class, ExprText.class.getClassLoader()).stream()
                .map(p -> p.type().getName()).toList();
        assertEquals(java.util.List.of("dotbar.print.UnicodeExprText"), found);
    }

    @Test
    void everyNodesToStringIsItsText() {
        var e = parse("a*b + sin(c)^2 - x^-1");
        assertEquals("a·b + sin(c)² - 1/x", e.toString());
        assertEquals(UnicodePrinter.print(e), new UnicodeExprText().text(e));
    }
}
