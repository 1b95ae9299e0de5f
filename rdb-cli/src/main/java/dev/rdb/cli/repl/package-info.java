/**
 * The REPL: a {@link dev.rdb.cli.repl.Session} (what is selected), one small class per command
 * (the first word picks the command, the raw rest of the line is its argument, so expressions
 * reach the parser untouched), the {@link dev.rdb.cli.repl.Interpreter} that runs a line and turns
 * every failure into one clear message, and the JLine wiring ({@link dev.rdb.cli.repl.ReplReaderFactory}
 * is the only class that knows JLine's options).
 */
package dev.rdb.cli.repl;
