package dev.jgrad.processor.random;

import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.processor.testing.Differentiated;
import dev.jgrad.runtime.VectorFunction;
import dev.jgrad.runtime.VectorJacobianProduct;
import java.lang.reflect.Method;

/**
 * An array-valued entry method {@code f} and its generated {@code FooGrad.f(args..., upstream)},
 * {@code fPullback} and {@code fFunction}, called by reflection. ({@link Differentiated} covers
 * double methods; its calls cast the results to double.)
 */
final class VectorEntry {
  private final Method plain;
  private final Method product;
  private final Method pullback;
  private final Method function;

  VectorEntry(Compiled compiled, String owner, String name) {
    this.plain = compiled.method(owner, name).plainMethod();
    plain.setAccessible(true);
    Class<?> grad = compiled.loadClass(owner + "Grad");
    this.product = only(grad, name);
    this.pullback = only(grad, name + "Pullback");
    this.function = only(grad, name + "Function");
  }

  double[] value(Object[] args) {
    return (double[]) Reflect.invoke(plain, null, args);
  }

  /** {@code FooGrad.f(args..., upstream)}: the value and {@code J^T upstream}. */
  VectorJacobianProduct product(Object[] args, double[] upstream) {
    return (VectorJacobianProduct) Reflect.invoke(product, null, append(args, upstream));
  }

  /** {@code FooGrad.fPullback(args..., upstream, buffers...)}. */
  double[] pullback(Object[] args, double[] upstream, Object[] buffers) {
    Object[] all = append(args, upstream);
    Object[] withBuffers = new Object[all.length + buffers.length];
    System.arraycopy(all, 0, withBuffers, 0, all.length);
    System.arraycopy(buffers, 0, withBuffers, all.length, buffers.length);
    return (double[]) Reflect.invoke(pullback, null, withBuffers);
  }

  VectorFunction function() {
    return (VectorFunction) Reflect.invoke(function, null, new Object[0]);
  }

  /** The record component for {@code parameter}, read through its accessor {@code dName()}. */
  static Object component(VectorJacobianProduct record, String parameter) {
    return Reflect.invoke(only(record.getClass(), Differentiated.componentName(parameter)), record,
        new Object[0]);
  }

  private static Object[] append(Object[] args, Object last) {
    Object[] out = new Object[args.length + 1];
    System.arraycopy(args, 0, out, 0, args.length);
    out[args.length] = last;
    return out;
  }

  private static Method only(Class<?> type, String name) {
    for (Method m : type.getDeclaredMethods()) {
      if (m.getName().equals(name) && !m.isSynthetic()) {
        m.setAccessible(true);
        return m;
      }
    }
    throw new AssertionError(type.getName() + " declares no method " + name);
  }

}
