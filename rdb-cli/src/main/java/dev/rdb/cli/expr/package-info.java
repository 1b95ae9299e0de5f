/**
 * The expression language of {@code p}, {@code pp} and {@code fields}: a small Java-like grammar
 * (see {@link dev.rdb.cli.expr.Parser}) and its evaluator, which turns member accesses into one
 * {@link dev.rdb.cli.debuggee.Plan} per round trip and computes operators locally. Every rule the
 * parser accepts is evaluated; what cannot be evaluated is not parsed.
 */
package dev.rdb.cli.expr;
