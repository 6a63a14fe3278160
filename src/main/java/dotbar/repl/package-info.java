/**
 * The launcher: JShell with dotbar preloaded, the JLine prompt (completion, Javadoc on Tab,
 * Greek input), the commands ({@code /help}, {@code /save}, {@code /vars}, …), the script runner
 * and the messages for what goes wrong in a snippet.
 *
 * <p>The top of the layering: it may use every dotbar package, and it (with
 * {@code dotbar.repl.jupyter}) is the only package that touches JLine, {@code jdk.jshell}, ZeroMQ
 * or Gson. No other package depends on it.
 */
package dotbar.repl;
