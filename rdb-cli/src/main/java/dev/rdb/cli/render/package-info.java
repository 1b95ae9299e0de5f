/**
 * Turns values, stacks and locals into text the way a good IDE shows them: typed, quoted, cut with
 * the full length shown, cycles marked, bounded by {@link dev.rdb.cli.render.RenderLimits}. Output
 * is JLine {@code AttributedString}s; whether the styles become colours is the terminal's business.
 */
package dev.rdb.cli.render;
