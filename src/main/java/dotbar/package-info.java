/**
 * The facade: {@link dotbar.DotBar}, every DSL function as a static method ({@code parse},
 * {@code sym}, {@code diff}, {@code grad}, {@code check}, {@code compile}, {@code adam}, {@code plot}, …),
 * which the REPL's startup imports.
 *
 * <p>Above every library package and below only {@code dotbar.repl}; the map of the packages and
 * their allowed dependencies is docs/architecture.md.
 */
package dotbar;
