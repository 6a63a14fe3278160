/**
 * What every layer may use: {@link dotbar.base.DotbarException} (bad input: what and where),
 * {@link dotbar.base.Interrupted} (a long operation stopped by Ctrl-C),
 * {@link dotbar.base.Suggestions} ("did you mean …?") and {@link dotbar.base.Displays} (where
 * {@code display(x)} sends a value).
 *
 * <p>Depends on no other dotbar package: it is the bottom of the layering
 * (docs/architecture.md, checked by {@code ArchitectureTest}).
 */
package dotbar.base;
