/**
 * The seed's demo, in Java: PyPy's {@code lib/distributed} attached {@code pdb.post_mortem()} to a
 * traceback that came back from a remote call; here a client calls {@code x.score(1, [1, 2, 3], y)}
 * on a remote {@link dev.rdb.demo.seed.Scorer} through a transparent proxy, passing its own object
 * {@code y}, which the server calls back. The server throws; the client catches the
 * {@code RemoteException}, asks the server (over the same connection, passing the throwable back by
 * reference) to keep it as a post-mortem, and opens rdb's REPL on that remote traceback: the frames
 * and locals of the other JVM. Run it with {@code ./rdb demo --seed}.
 */
package dev.rdb.demo.seed;
