package dev.jgrad.processor.random;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Calls compiled program code by reflection, rethrowing what it threw as itself. */
final class Reflect {
  private Reflect() {}

  /** Rethrows what the called code threw, unwrapped, so that a crash shows its own trace. */
  static Object invoke(Method m, Object target, Object[] args) {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
