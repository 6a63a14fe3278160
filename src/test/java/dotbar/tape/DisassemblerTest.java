package dotbar.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dotbar.expr.Exprs;
import dotbar.expr.Op;
import dotbar.parse.Parser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every op's instruction reads as the op applied to its registers: the disassembly is written from the op table. */
class DisassemblerTest {

    @ParameterizedTest
    @EnumSource(Op.class)
    void everyInstructionReadsAsItsOp(Op op) {
        String text = Disassembler.instruction(new int[]{Opcode.of(op), 2, 0, 1}, 0);
        String prefix = "r2 = ";
        assertEquals(prefix, text.substring(0, prefix.length()), text);
        var expected = op.arity() == 1 ? Exprs.call(op, Exprs.sym("r0")) : Exprs.call(op, Exprs.sym("r0"), Exprs.sym("r1"));
        assertEquals(expected, Parser.parse(text.substring(prefix.length())), text);
    }
}
