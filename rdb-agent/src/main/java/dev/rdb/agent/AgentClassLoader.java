package dev.rdb.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent proper from {@code inst/*.classdata} entries of the agent jar. Application loaders
 * look for {@code .class} entries only, so they never see these classes, and the relocated ASM,
 * msgpack and Jackson copies cannot clash with the application's own.
 *
 * <p>Its parent is the platform loader: the agent sees the JDK and the bridge (bootstrap), never the
 * application's class path.
 */
final class AgentClassLoader extends ClassLoader {

  static final String PREFIX = "inst/";
  static final String SUFFIX = ".classdata";

  static {
    registerAsParallelCapable();
  }

  private final JarFile jar;
  private final ProtectionDomain domain;

  AgentClassLoader(JarFile jar, URL jarUrl) {
    super("rdb-agent", ClassLoader.getPlatformClassLoader());
    this.jar = jar;
    this.domain = new ProtectionDomain(new CodeSource(jarUrl, (Certificate[]) null), null, this, null);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    JarEntry entry = jar.getJarEntry(PREFIX + name.replace('.', '/') + SUFFIX);
    if (entry == null) {
      throw new ClassNotFoundException(name);
    }
    byte[] bytes;
    try (InputStream in = jar.getInputStream(entry)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      String pkg = name.substring(0, dot);
      if (getDefinedPackage(pkg) == null) {
        try {
          definePackage(pkg, null, null, null, null, null, null, null);
        } catch (IllegalArgumentException racedWithAnotherThread) {
          // another thread defined it first: that is what we wanted
        }
      }
    }
    return defineClass(name, bytes, 0, bytes.length, domain);
  }

  @Override
  protected URL findResource(String name) {
    JarEntry entry = jar.getJarEntry(PREFIX + name);
    if (entry == null) {
      return null;
    }
    try {
      return new URL("jar:" + domain.getCodeSource().getLocation() + "!/" + entry.getName());
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }
}
