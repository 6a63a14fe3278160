package dotbar.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void textLeftNumbersOnTheDecimalPointHeaderRule() {
        String t = new TextTable("node", "value").row("a", 0.5).row("w1", -12.25).row("t10", 3).toString();
        assertEquals("""
                node   value
                ────────────
                a       0.5
                w1    -12.25
                t10     3
                """, t);
    }

    @Test
    void combiningMarksTakeNoColumn() {
        // ẇ1 is w, U+0307, 1: three code points, two columns
        assertEquals(2, TextTable.width("w\u03071"));
        String t = new TextTable("name", "x").row("w\u03071", "|").row("ab", "|").toString();
        String[] lines = t.split("\n");
        assertEquals(TextTable.width(lines[2]), TextTable.width(lines[3]));
    }

    @Test
    void numbersToSixSignificantDigits() {
        assertEquals("0.333333", TextTable.number(1 / 3.0));
        assertEquals("-1.2", TextTable.number(-1.2));
        assertEquals("123457", TextTable.number(123456.7));
        assertEquals("1.23457e+06", TextTable.number(1234567.0));
        assertEquals("1.5e-07", TextTable.number(1.5e-7));
        assertEquals("2.5e+10", TextTable.number(2.5e10));
        assertEquals("0.0001", TextTable.number(1e-4));
        assertEquals("0", TextTable.number(-0.0));
        assertEquals("NaN", TextTable.number(Double.NaN));
        assertEquals("-∞", TextTable.number(Double.NEGATIVE_INFINITY));
        assertEquals("0.33", TextTable.number(1 / 3.0, 2));
    }

    @Test
    void alignmentCanBeForcedAndRowsMustFit() {
        String t = new TextTable("a", "b").align(0, TextTable.Align.RIGHT).row("x", "yy").row("xxx", "y").toString();
        assertEquals("  a  b\n───────\n  x  yy\nxxx  y\n", t);
        assertThrows(IllegalArgumentException.class, () -> new TextTable("a", "b").row("only one"));
    }
}
