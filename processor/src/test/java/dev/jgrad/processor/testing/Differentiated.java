package dev.jgrad.processor.testing;

import dev.jgrad.runtime.DifferentiableFunction;
import dev.jgrad.runtime.Gradient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One compiled {@code @Differentiable} method {@code f} and its generated {@code FooGrad.f},
 * {@code fPullback} and {@code fFunction}, called by reflection.
 *
 * <p>Arguments are passed as for {@link Method#invoke}: boxed primitives and the arrays
 * themselves. Exceptions thrown by the called code are rethrown unwrapped, so a test failure
 * shows the real stack trace.
 */
public final class Differentiated {
  private final Class<?> grad;
  private final Method plain;
  private final String name;

  Differentiated(Class<?> owner, Class<?> grad, String name) {
    this.grad = grad;
    this.name = name;
    this.plain = only(owner, name);
  }

  /** The user's method, for its parameter types and names. */
  public Method plainMethod() {
    return plain;
  }

  /** Parameter names in order; real names, as {@link InMemory} compiles with -parameters. */
  public List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    for (Parameter p : plain.getParameters()) {
      names.add(p.getName());
    }
    return names;
  }

  /** Calls the user's method. */
  public double value(Object... args) {
    return (Double) invoke(plain, args);
  }

  /** Calls {@code FooGrad.f}; the result is the generated record. */
  public Gradient gradient(Object... args) {
    return (Gradient) invoke(only(grad, name), args);
  }

  /**
   * The record component for {@code parameter}, read through its accessor {@code dName()}, not
   * through {@link Gradient#gradient(String)}, so that the accessor's name is checked too.
   */
  public static Object component(Gradient record, String parameter) {
    return invoke(only(record.getClass(), componentName(parameter)), new Object[0], record);
  }

  /** {@code w0} gives {@code dW0}. */
  public static String componentName(String parameter) {
    return "d" + Character.toUpperCase(parameter.charAt(0)) + parameter.substring(1);
  }

  /**
   * Calls {@code FooGrad.fPullback(args..., upstream, buffers...)}, which adds {@code upstream}
   * times the gradient into the buffers (a {@code double[1]} for a scalar parameter).
   */
  public double pullback(Object[] args, double upstream, Object... buffers) {
    Object[] all = new Object[args.length + 1 + buffers.length];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = upstream;
    System.arraycopy(buffers, 0, all, args.length + 1, buffers.length);
    return (Double) invoke(only(grad, name + "Pullback"), all);
  }

  /** The result of {@code FooGrad.fFunction()}. */
  public DifferentiableFunction function() {
    return (DifferentiableFunction) invoke(only(grad, name + "Function"), new Object[0]);
  }

  private static Object invoke(Method method, Object[] args) {
    return invoke(method, args, null);
  }

  private static Object invoke(Method method, Object[] args, Object target) {
    try {
      method.setAccessible(true);
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new AssertionError("cannot call " + method, e);
    } catch (IllegalArgumentException e) {
      throw new AssertionError("arguments " + Arrays.deepToString(args) + " do not fit "
          + method, e);
    }
  }

  /** The one declared method called {@code name}; jgrad rejects overloaded entry points. */
  private static Method only(Class<?> type, String name) {
    Method found = null;
    for (Method m : type.getDeclaredMethods()) {
      if (m.getName().equals(name) && !m.isSynthetic()) {
        if (found != null) {
          throw new AssertionError(type.getName() + " declares " + name + " more than once");
        }
        found = m;
      }
    }
    if (found == null) {
      throw new AssertionError(type.getName() + " declares no method " + name + "; it has "
          + Arrays.stream(type.getDeclaredMethods()).map(Method::getName).sorted().toList());
    }
    return found;
  }
}
