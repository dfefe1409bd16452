package dev.jgrad.runtime;

/**
 * Value and vector-Jacobian product of one call of an array-valued {@code @Differentiable}
 * method, as returned by its generated {@code FooGrad.f(..., upstream)} (generated records
 * implement it).
 */
public interface VectorJacobianProduct {
  /** The method's result: a {@code double[]} or {@code double[][]}. */
  Object value();

  /**
   * The product of the upstream array with the Jacobian with respect to the named parameter (the
   * gradient of {@code <upstream, f(x)>}): a {@code Double} for a {@code double} parameter, an
   * array shaped like the parameter otherwise.
   */
  Object gradient(String parameter);
}
