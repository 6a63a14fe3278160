/**
 * Compiled evaluation: an expression flattened once into a tape, whose value and reverse-mode
 * gradient then run with no allocation and no walk over the DAG.
 *
 * <pre>
 *   Expr ──TapeCompiler──▶ Compiled ──Kernel (interpreter)──▶ f(x), ∇f(x)
 *                             │
 *                             └─SecondTier: Schedule ▶ Bytecode ▶ hidden classes ──▶ the same, as JIT-compiled bytecode
 * </pre>
 *
 * <ul>
 *   <li>{@link dotbar.tape.Compiled} — the tape: {@code value(x)}, {@code gradient(x, g)},
 *       {@code disassemble()}, {@code generate()}. The value section is the DAG's operation
 *       nodes in topological order; the gradient section is the reverse sweep, each op's local
 *       partials taken from the op table ({@link dotbar.expr.Op#partials}) and compiled over the
 *       value slots — no derivative rule is written here.</li>
 *   <li>{@link dotbar.tape.Tapes} — compiled tapes cached per expression and parameter list;
 *       {@code compile(...)}, {@code grad} and the optimizers go through it.</li>
 *   <li>{@link dotbar.tape.HessianVector} — H(x)·v on a tape.</li>
 *   <li>Package-private: {@code TapeCompiler} (Expr → instructions), {@code Kernel} (the
 *       interpreter), {@code Opcode}, {@code Disassembler}, and the second tier: {@code SecondTier}
 *       (when: by measurement, on a background thread), {@code Schedule} (a locality-friendly
 *       order), {@code Bytecode} (straight-line bytecode with ASM, in hidden classes),
 *       {@code Program} (what the generated classes extend).</li>
 * </ul>
 *
 * The benchmarks ({@code src/test/java/dotbar/bench}, run by {@code scripts/bench}) measure the
 * tape against hand-written Java, Commons Math's {@code DerivativeStructure} and the reverse
 * sweep on the DAG.
 *
 * <p>Depends only on {@code dotbar.expr}, {@code dotbar.base} and the sweep package; not on
 * {@code dotbar.diff} (both read the same op table).
 */
package dotbar.tape;
