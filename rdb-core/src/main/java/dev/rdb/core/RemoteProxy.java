package dev.rdb.core;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Makes a {@link RemoteRef} look like a local implementation of an interface: each interface
 * method becomes a remote call of the overload with the same parameter types. {@code equals},
 * {@code hashCode} and {@code toString} answer locally, from the reference's identity.
 */
final class RemoteProxy implements InvocationHandler {
  private final RemoteRef ref;

  private RemoteProxy(RemoteRef ref) {
    this.ref = ref;
  }

  static <T> T create(RemoteRef ref, Class<T> iface) {
    if (iface == null || !iface.isInterface()) {
      throw new IllegalArgumentException("not an interface: " + iface);
    }
    return iface.cast(Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface},
        new RemoteProxy(ref)));
  }

  RemoteRef ref() {
    return ref;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) {
    if (method.getDeclaringClass() == Object.class) {
      switch (method.getName()) {
        case "equals":
          Object other = args[0];
          return other != null && Proxy.isProxyClass(other.getClass())
              && Proxy.getInvocationHandler(other) instanceof RemoteProxy
              && ((RemoteProxy) Proxy.getInvocationHandler(other)).ref.equals(ref);
        case "hashCode":
          return ref.hashCode();
        default:
          return "proxy of " + ref;
      }
    }
    Object result = ref.callExact(method.getName(), Invoker.parameterNames(method),
        args == null ? new Object[0] : args);
    return adapt(result, method.getReturnType(), method);
  }

  private static Object adapt(Object result, Class<?> type, Method method) {
    if (type == void.class) {
      return null;
    }
    if (result == null) {
      if (type.isPrimitive()) {
        throw new IllegalStateException(method + " returned null remotely for a " + type);
      }
      return null;
    }
    Object converted = Invoker.convert(result, type);
    if (converted == Invoker.NO_MATCH) {
      throw new ClassCastException(method + " returned " + result + " remotely, which is not a "
          + type.getName());
    }
    return converted;
  }
}
