package dev.jgrad.runtime;

import java.util.List;

/**
 * One {@code @Differentiable} method seen from outside: the generated {@code FooGrad.fFunction()}
 * returns one.
 *
 * <p>It lets tools call both the plain method and its generated gradient with the same untyped
 * arguments, which is all {@link GradientCheck} needs to compare the two on any method without
 * reflection. Users may also implement it by hand, for example to check a gradient they wrote.
 */
public interface DifferentiableFunction {
  /** A readable name for messages, such as {@code "Neuron.fire"}. */
  String name();

  /** The names of all parameters, in declaration order, such as {@code [w0, x0, w1, x1, w2]}. */
  List<String> parameterNames();

  /**
   * The names of the parameters the gradient is taken with respect to, in declaration order: a
   * subset of {@link #parameterNames()}, each of type {@code double}, {@code double[]} or {@code
   * double[][]}.
   */
  List<String> wrt();

  /**
   * Calls the plain method.
   *
   * @param args one per parameter, in order: a boxed {@code Double}, {@code Integer} or {@code
   *     Boolean} for a primitive, the array itself ({@code double[]}, {@code double[][]}, {@code
   *     int[]}) for an array
   */
  double value(Object... args);

  /**
   * Calls the generated gradient, with arguments as for {@link #value(Object...)}.
   *
   * @return the value and the gradient with respect to each parameter in {@link #wrt()}
   */
  Gradient gradient(Object... args);
}
