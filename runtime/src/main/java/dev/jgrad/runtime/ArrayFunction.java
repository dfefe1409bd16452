package dev.jgrad.runtime;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A function of one {@code double[]} named {@code x} with a gradient given up front, so that {@link
 * GradientCheck#compare} can run the same check as for generated code on a hand-computed gradient.
 */
final class ArrayFunction implements DifferentiableFunction {
  private static final List<String> PARAMETERS = List.of("x");

  private final String name;
  private final double[] gradient;
  private final ToDoubleFunction<double[]> function;

  ArrayFunction(String name, double[] gradient, ToDoubleFunction<double[]> function) {
    this.name = Objects.requireNonNull(name, "name");
    this.gradient = Objects.requireNonNull(gradient, "generatedGradient").clone();
    this.function = Objects.requireNonNull(function, "function");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> parameterNames() {
    return PARAMETERS;
  }

  @Override
  public List<String> wrt() {
    return PARAMETERS;
  }

  @Override
  public double value(Object... args) {
    return function.applyAsDouble((double[]) args[0]);
  }

  @Override
  public Gradient gradient(Object... args) {
    double value = value(args);
    return new Gradient() {
      @Override
      public double value() {
        return value;
      }

      @Override
      public Object gradient(String parameter) {
        if (!PARAMETERS.contains(parameter)) {
          throw new IllegalArgumentException("no parameter " + parameter + ", only " + PARAMETERS);
        }
        return gradient.clone();
      }
    };
  }
}
