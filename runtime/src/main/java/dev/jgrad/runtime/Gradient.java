package dev.jgrad.runtime;

/**
 * The value and gradient of one call, as returned by a generated {@code FooGrad.f(...)}.
 *
 * <p>Generated records implement it so that code which does not know the record's type, above all
 * {@link GradientCheck}, can read any parameter's gradient by name without reflection.
 */
public interface Gradient {
  /** The value of the function at the point of the call. */
  double value();

  /**
   * The gradient with respect to the named parameter: a {@code Double} for a {@code double}
   * parameter, and a {@code double[]} or {@code double[][]} of the parameter's shape for arrays.
   *
   * @throws IllegalArgumentException for a name that is not a differentiable parameter; the message
   *     names the parameters that are known, since the usual cause is a typo
   */
  Object gradient(String parameter);
}
