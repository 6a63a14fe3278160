package dotbar.parse;

import static dotbar.DotBar.at;
import static dotbar.DotBar.check;
import static dotbar.DotBar.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dotbar.base.DotbarException;
import org.junit.jupiter.api.Test;

/**
 * The three parsers that cut the user's text into pieces — a point's pairs, a claim's sides, an
 * update equation's right side — report an error where it is in the whole text, through one
 * helper ({@link Columns}). The expected messages are written out by hand: the column counted on
 * the text as typed, then the text, then a caret under that column.
 */
class ColumnsTest {
    @Test
    void columnsCountCodePointsFromOne() {
        assertEquals(1, Columns.of("abc", 0));
        assertEquals(3, Columns.of("abc", 2));
        assertEquals(2, Columns.of("𝑥=1", 2), "𝑥 is two chars and one column");
    }

    @Test
    void aPieceIsParsedAndItsErrorMovesToTheWholeText() {
        assertEquals(dotbar.DotBar.parse("b*c"), Columns.parse("a = b*c", 3, 7, "p: "));
        var e = assertThrows(ParseException.class, () -> Columns.parse("a = b +", 3, 7, "p: "));
        // alone, " b +" ends at column 5; after "a =" (3 code points) that is column 8
        assertEquals("p: the expression ends too early: '+' needs an operand after it at column 8\na = b +\n       ^", e.getMessage());
        assertEquals(8, e.column());
    }

    @Test
    void aPointsMalformedPairIsShownUnderTheText() {
        var e = assertThrows(ParseException.class, () -> at("a=1,  b"));
        assertEquals("malformed point: 'b' has no '=value' at column 7\na=1,  b\n      ^", e.getMessage());
        e = assertThrows(ParseException.class, () -> at("a=1, =2"));
        assertEquals("malformed point: no name before '=' at column 6\na=1, =2\n     ^", e.getMessage());
    }

    @Test
    void aPointsColumnCountsCodePointsNotChars() {
        // before, the column counted chars: 𝑥 (two chars) pushed it to 7 and the caret one place right of 𝑦
        var e = assertThrows(ParseException.class, () -> at("𝑥=1, 𝑦"));
        assertEquals("malformed point: '𝑦' has no '=value' at column 6\n𝑥=1, 𝑦\n     ^", e.getMessage());
        assertEquals(1.0, at("𝑥=1").get("𝑥"));
    }

    @Test
    void aClaimsSidesReportTheirColumnsInTheWholeClaim() {
        var e = assertThrows(ParseException.class, () -> check("d/dx x^2 = 2*x +"));
        assertEquals("the expression ends too early: '+' needs an operand after it at column 17\nd/dx x^2 = 2*x +\n                ^", e.getMessage());
        e = assertThrows(ParseException.class, () -> check("d/d𝑥 𝑥^2 = 2*𝑥 +"));
        assertEquals("the expression ends too early: '+' needs an operand after it at column 17\nd/d𝑥 𝑥^2 = 2*𝑥 +\n                ^", e.getMessage());
        e = assertThrows(ParseException.class, () -> check("x =  "));
        assertEquals("the right side of the equation is empty at column 4\nx =  \n   ^", e.getMessage());
    }

    @Test
    void anUpdateEquationsRightSideReportsItsColumnInTheEquation() {
        var e = assertThrows(ParseException.class, () -> rule("r", "θ ← θ - η*"));
        assertEquals("rule r, equation 1: the expression ends too early: '*' needs an operand after it at column 11\nθ ← θ - η*\n          ^", e.getMessage());
        var plain = assertThrows(DotbarException.class, () -> rule("r", "θ = θ - nosuch(g)"));
        assertEquals(ParseException.class, plain.getClass(), "an unknown function is a syntax error with a column");
    }
}
