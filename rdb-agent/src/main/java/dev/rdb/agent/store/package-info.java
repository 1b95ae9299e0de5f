/**
 * The store: captures gathered per throwable as it unwinds, promoted into a bounded ring of
 * post-mortems, exposed as {@link dev.rdb.agent.store.PostMortemView} values.
 */
package dev.rdb.agent.store;
