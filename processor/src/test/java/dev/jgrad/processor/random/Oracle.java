package dev.jgrad.processor.random;

import dev.jgrad.runtime.GradientCheck;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * Runs a compiled oracle program: one Hipparchus derivative direction per component of each
 * differentiated argument, in declaration order, arrays element by element. An array passed for
 * two parameters is one array: it gets one set of directions, and both parameters report the
 * gradient with respect to it, as jgrad's {@code f(...)} does.
 */
final class Oracle {
  /**
   * The oracle's answer at one point.
   *
   * @param values the result: one value for a double method, the elements for a double[] one
   * @param jacobian one row of partials per element of {@code values}, flattened in the order of
   *     {@link Fn#differentiated()}; an array passed for two parameters appears twice, with the
   *     same partials
   * @param violation the first decision that came too close to flipping, or null
   */
  record Answer(double[] values, double[][] jacobian, String violation) {
    /** The value of a double method. */
    double value() {
      return values[0];
    }

    /** The gradient of a double method. */
    double[] gradient() {
      return jacobian[0];
    }

    /** {@code J^T v} for a cotangent {@code v} over the result, in the order of a row. */
    double[] transposedTimes(double[] v) {
      double[] out = new double[jacobian[0].length];
      for (int i = 0; i < v.length; i++) {
        for (int j = 0; j < out.length; j++) {
          out[j] += v[i] * jacobian[i][j];
        }
      }
      return out;
    }
  }

  private Oracle() {}

  static Answer run(Class<?> oracleClass, Fn entry, Object[] args) {
    int[][] indices = directions(entry, args);
    int free = freeParameters(entry, args);
    double[] steps = new double[free];
    for (int i = 0; i < args.length; i++) {
      for (int j = 0; indices[i] != null && j < indices[i].length; j++) {
        steps[indices[i][j]] = step(Inputs.flat(args[i])[j]);
      }
    }
    OracleOps.begin(steps);
    Object[] gradientArgs = lift(args, indices, (value, k) -> k < 0
        ? Gradient.constant(free, value) : Gradient.variable(free, k, value));
    Gradient[] result =
        results(Reflect.invoke(method(oracleClass, entry.name()), null, gradientArgs));
    double[] values = new double[result.length];
    double[][] jacobian = new double[result.length][];
    for (int r = 0; r < result.length; r++) {
      values[r] = result[r].getValue();
      double[] partials = result[r].getGradient();
      List<Double> flat = new ArrayList<>();
      for (int[] component : indices) {
        if (component != null) {
          for (int k : component) {
            flat.add(partials[k]);
          }
        }
      }
      jacobian[r] = flat.stream().mapToDouble(Double::doubleValue).toArray();
    }
    return new Answer(values, jacobian, OracleOps.violation());
  }

  /**
   * {@code J t}: the derivative of the result along {@code tangent}, from one run of the oracle
   * seeded with it (one free parameter), independent of how {@link #run} lays out its partials.
   *
   * @param tangent one component per free parameter: per scalar and array element in wrt, once
   *     for an array passed twice, in declaration order
   */
  static double[] along(Class<?> oracleClass, Fn entry, Object[] args, double[] tangent) {
    int[][] indices = directions(entry, args);
    // Decisions were watched by run(); this run's steps are irrelevant.
    OracleOps.begin(new double[] {0});
    Object[] gradientArgs = lift(args, indices, (value, k) -> k < 0
        ? Gradient.constant(1, value) : new Gradient(value, tangent[k]));
    Gradient[] result =
        results(Reflect.invoke(method(oracleClass, entry.name()), null, gradientArgs));
    double[] out = new double[result.length];
    for (int r = 0; r < result.length; r++) {
      out[r] = result[r].getPartialDerivative(0);
    }
    return out;
  }

  /** The number of free parameters of {@link #along}'s tangent. */
  static int freeParameters(Fn entry, Object[] args) {
    int n = 0;
    for (int[] component : directions(entry, args)) {
      if (component != null) {
        for (int k : component) {
          n = Math.max(n, k + 1);
        }
      }
    }
    return n;
  }

  /**
   * For each argument, the free parameter of each of its components, or null if it is not
   * differentiated: one per scalar and array element in wrt, but one set only for an array passed
   * twice, which is one array with one gradient.
   */
  private static int[][] directions(Fn entry, Object[] args) {
    List<Fn.Param> wrt = entry.differentiated();
    int[][] indices = new int[args.length][];
    int next = 0;
    for (int i = 0; i < args.length; i++) {
      if (!wrt.contains(entry.params().get(i))) {
        continue;
      }
      int earlier = sameArrayBefore(args, i);
      if (earlier >= 0 && indices[earlier] != null) {
        indices[i] = indices[earlier];
      } else if (args[i] instanceof double[] || args[i] instanceof double[][]) {
        // A matrix row by row, as the gradient record's components are flattened.
        indices[i] = new int[Inputs.size(args[i])];
        for (int j = 0; j < indices[i].length; j++) {
          indices[i][j] = next++;
        }
      } else {
        indices[i] = new int[] {next++};
      }
    }
    return indices;
  }

  /** Makes a double into a Gradient, given its free parameter or -1 for a constant. */
  private interface Lift {
    Gradient of(double value, int freeParameter);
  }

  /** The oracle's arguments: each double a Gradient, an array passed twice still one array. */
  private static Object[] lift(Object[] args, int[][] indices, Lift lift) {
    Object[] out = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      int earlier = sameArrayBefore(args, i);
      if (earlier >= 0) {
        out[i] = out[earlier];
      } else if (args[i] instanceof double[] a) {
        Gradient[] g = new Gradient[a.length];
        for (int j = 0; j < a.length; j++) {
          g[j] = lift.of(a[j], indices[i] == null ? -1 : indices[i][j]);
        }
        out[i] = g;
      } else if (args[i] instanceof double[][] m) {
        Gradient[][] g = new Gradient[m.length][];
        int k = 0;
        for (int r = 0; r < m.length; r++) {
          g[r] = new Gradient[m[r].length];
          for (int j = 0; j < m[r].length; j++, k++) {
            g[r][j] = lift.of(m[r][j], indices[i] == null ? -1 : indices[i][k]);
          }
        }
        out[i] = g;
      } else if (args[i] instanceof Double d) {
        out[i] = lift.of(d, indices[i] == null ? -1 : indices[i][0]);
      } else {
        out[i] = args[i];
      }
    }
    return out;
  }

  private static Gradient[] results(Object result) {
    return result instanceof Gradient[] many ? many : new Gradient[] {(Gradient) result};
  }

  /** The index of an earlier argument that is the same array as {@code args[i]}, or -1. */
  static int sameArrayBefore(Object[] args, int i) {
    if (args[i] instanceof double[]) {
      for (int k = 0; k < i; k++) {
        if (args[k] == args[i]) {
          return k;
        }
      }
    }
    return -1;
  }

  /** The finite-difference step GradientCheck takes for a component of value {@code v}. */
  static double step(double v) {
    return GradientCheck.DEFAULT_STEP * Math.max(1, Math.abs(v));
  }

  private static Method method(Class<?> type, String name) {
    for (Method m : type.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        m.setAccessible(true);
        return m;
      }
    }
    throw new IllegalArgumentException(type + " has no method " + name);
  }

}
