package dev.jgrad.runtime;

import java.util.List;

/**
 * An array-valued {@code @Differentiable} method seen from outside: the generated {@code
 * FooGrad.fFunction()} returns one. Its derivative is available only as vector-Jacobian products;
 * {@link #along(Object)} turns it into a scalar function for {@link GradientCheck}, and {@link
 * Jacobians} builds whole Jacobians from products for tests and small problems.
 */
public interface VectorFunction {
  String name();

  List<String> parameterNames();

  List<String> wrt();

  /** Calls the plain method; the result is a {@code double[]} or {@code double[][]}. */
  Object value(Object... args);

  /** Calls the generated vector-Jacobian product with {@code upstream} shaped like the result. */
  VectorJacobianProduct vjp(Object upstream, Object... args);

  /**
   * The scalar function {@code <upstream, f(x)>}, whose gradient is the vector-Jacobian product
   * with {@code upstream}: checking it against finite differences checks the product.
   */
  default DifferentiableFunction along(Object upstream) {
    VectorFunction f = this;
    return new DifferentiableFunction() {
      @Override
      public String name() {
        return "<upstream, " + f.name() + ">";
      }

      @Override
      public List<String> parameterNames() {
        return f.parameterNames();
      }

      @Override
      public List<String> wrt() {
        return f.wrt();
      }

      @Override
      public double value(Object... args) {
        return Shapes.dot(upstream, f.value(args));
      }

      @Override
      public Gradient gradient(Object... args) {
        VectorJacobianProduct p = f.vjp(upstream, args);
        double value = Shapes.dot(upstream, p.value());
        return new Gradient() {
          @Override
          public double value() {
            return value;
          }

          @Override
          public Object gradient(String parameter) {
            return p.gradient(parameter);
          }
        };
      }
    };
  }
}
