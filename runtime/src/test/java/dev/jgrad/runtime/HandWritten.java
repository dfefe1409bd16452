package dev.jgrad.runtime;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** A DifferentiableFunction written by hand from two lambdas, standing in for generated code. */
final class HandWritten implements DifferentiableFunction {
  private final String name;
  private final List<String> parameters;
  private final List<String> wrt;
  private final ToDoubleFunction<Object[]> value;
  private final Function<Object[], Map<String, Object>> gradient;

  HandWritten(
      String name,
      List<String> parameters,
      List<String> wrt,
      ToDoubleFunction<Object[]> value,
      Function<Object[], Map<String, Object>> gradient) {
    this.name = name;
    this.parameters = parameters;
    this.wrt = wrt;
    this.value = value;
    this.gradient = gradient;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> parameterNames() {
    return parameters;
  }

  @Override
  public List<String> wrt() {
    return wrt;
  }

  @Override
  public double value(Object... args) {
    return value.applyAsDouble(args);
  }

  @Override
  public Gradient gradient(Object... args) {
    // On a copy, so that a function writing into its arrays computes both from the same inputs.
    double at = value(Arguments.copy(args));
    Map<String, Object> components = gradient.apply(args);
    return new Gradient() {
      @Override
      public double value() {
        return at;
      }

      @Override
      public Object gradient(String parameter) {
        if (!components.containsKey(parameter)) {
          throw new IllegalArgumentException("unknown " + parameter + ", known " + wrt);
        }
        return components.get(parameter);
      }
    };
  }
}
