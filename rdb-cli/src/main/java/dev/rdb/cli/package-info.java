/**
 * The {@code rdb} command line: picocli commands (one class per subcommand), exit codes
 * ({@link dev.rdb.cli.Exit}) and the one place errors are reported ({@link dev.rdb.cli.ErrorReporter}).
 * The REPL, the expression language, the renderers and the targets live in sub-packages.
 */
package dev.rdb.cli;
