package dev.rdb.bench.core;

import dev.rdb.core.RemoteRef;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * (a) One remote field read over loopback TCP, against a raw TCP ping-pong that sends and receives
 * exactly as many bytes as the field read does, measured in the same run. Target: ratio ≤ 1.3.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class FieldReadBench {

  /** The remote object whose field is read. */
  public static final class Target {
    private final int price = 42;

    int price() {
      return price;
    }
  }

  private LoopbackSession session;
  private RemoteRef target;
  private int requestBytes;
  private int replyBytes;
  private ServerSocket echoListener;
  private Socket echoServer;
  private Socket echoClient;
  private Thread echoThread;
  private OutputStream rawOut;
  private DataInputStream rawIn;
  private byte[] request;
  private byte[] reply;

  @Setup
  public void setUp() throws Exception {
    try (LoopbackSession sizes =
        new LoopbackSession(new Target(), LoopbackSession.Sockets.JAVA_NET)) {
      RemoteRef counted = sizes.client.root();
      counted.get("price");
      long sentBefore = sizes.bytesSent.get();
      long receivedBefore = sizes.bytesReceived.get();
      counted.get("price");
      requestBytes = (int) (sizes.bytesSent.get() - sentBefore);
      replyBytes = (int) (sizes.bytesReceived.get() - receivedBefore);
    }
    session = new LoopbackSession(new Target(), LoopbackSession.Sockets.CHANNELS);
    target = session.client.root();
    System.err.println("field read: request " + requestBytes + " bytes, reply " + replyBytes
        + " bytes (frame headers included)");
    startEcho();
  }

  private void startEcho() throws IOException {
    echoListener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    echoClient = new Socket(InetAddress.getLoopbackAddress(), echoListener.getLocalPort());
    echoServer = echoListener.accept();
    echoClient.setTcpNoDelay(true);
    echoServer.setTcpNoDelay(true);
    request = new byte[requestBytes];
    reply = new byte[replyBytes];
    echoThread = new Thread(() -> {
      byte[] in = new byte[requestBytes];
      byte[] out = new byte[replyBytes];
      try {
        DataInputStream serverIn = new DataInputStream(echoServer.getInputStream());
        OutputStream serverOut = echoServer.getOutputStream();
        while (true) {
          serverIn.readFully(in);
          serverOut.write(out);
          serverOut.flush();
        }
      } catch (IOException closed) {
        // The benchmark is over.
      }
    }, "raw-echo");
    echoThread.setDaemon(true);
    echoThread.start();
    rawOut = echoClient.getOutputStream();
    rawIn = new DataInputStream(echoClient.getInputStream());
  }

  @Benchmark
  public Object rdbFieldRead() {
    return target.get("price");
  }

  @Benchmark
  public byte[] rawTcpPingPong() throws IOException {
    rawOut.write(request);
    rawOut.flush();
    rawIn.readFully(reply);
    return reply;
  }

  @TearDown
  public void tearDown() throws IOException {
    session.close();
    echoClient.close();
    echoServer.close();
    echoListener.close();
  }
}
