/**
 * The Jupyter kernel: the wire protocol over ZeroMQ (JeroMQ) with signed messages, the kernel's
 * loop on {@code dotbar.repl}'s session, and the rich displays of dotbar values (LaTeX, HTML
 * tables, SVG and PNG plots).
 *
 * <p>Part of the top of the layering with {@code dotbar.repl}, whose session it runs cells in;
 * the notebook protocol's libraries (JeroMQ, Gson) are used only here.
 */
package dotbar.repl.jupyter;
