/**
 * {@code rdb demo}: the checkout's demo artifacts ({@link dev.rdb.cli.demo.Checkout}) and a demo
 * JVM run as a child process that never outlives rdb ({@link dev.rdb.cli.demo.ChildJvm}).
 */
package dev.rdb.cli.demo;
