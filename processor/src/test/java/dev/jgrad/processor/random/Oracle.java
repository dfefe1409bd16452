package dev.jgrad.processor.random;

import dev.jgrad.runtime.GradientCheck;
import java.lang.reflect.InvocationTargetException;
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
   * @param gradient all partials, flattened in the order of {@link Fn#differentiated()}; an
   *     array passed for two parameters appears twice, with the same partials
   * @param violation the first decision that came too close to flipping, or null
   */
  record Answer(double value, double[] gradient, String violation) {}

  private Oracle() {}

  static Answer run(Class<?> oracleClass, Fn entry, Object[] args) {
    List<Fn.Param> wrt = entry.differentiated();
    // Free parameters: one per scalar and array element in wrt, but one set only for an array
    // passed twice, which is one array with one gradient.
    int[][] indices = new int[args.length][];
    List<Double> steps = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (!wrt.contains(entry.params().get(i))) {
        continue;
      }
      int earlier = sameArrayBefore(args, i);
      if (earlier >= 0 && indices[earlier] != null) {
        indices[i] = indices[earlier];
      } else if (args[i] instanceof double[] a) {
        indices[i] = new int[a.length];
        for (int j = 0; j < a.length; j++) {
          indices[i][j] = steps.size();
          steps.add(step(a[j]));
        }
      } else {
        indices[i] = new int[] {steps.size()};
        steps.add(step((Double) args[i]));
      }
    }
    int free = steps.size();
    OracleOps.begin(steps.stream().mapToDouble(Double::doubleValue).toArray());
    Object[] gradientArgs = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      int earlier = sameArrayBefore(args, i);
      if (earlier >= 0) {
        gradientArgs[i] = gradientArgs[earlier];
      } else if (args[i] instanceof double[] a) {
        Gradient[] g = new Gradient[a.length];
        for (int j = 0; j < a.length; j++) {
          g[j] = indices[i] != null ? Gradient.variable(free, indices[i][j], a[j])
              : Gradient.constant(free, a[j]);
        }
        gradientArgs[i] = g;
      } else if (args[i] instanceof Double d) {
        gradientArgs[i] = indices[i] != null ? Gradient.variable(free, indices[i][0], d)
            : Gradient.constant(free, d);
      } else {
        gradientArgs[i] = args[i];
      }
    }
    Gradient result = (Gradient) invoke(method(oracleClass, entry.name()), gradientArgs);
    double[] partials = result.getGradient();
    List<Double> flat = new ArrayList<>();
    for (int[] component : indices) {
      if (component != null) {
        for (int k : component) {
          flat.add(partials[k]);
        }
      }
    }
    return new Answer(result.getValue(), flat.stream().mapToDouble(Double::doubleValue).toArray(),
        OracleOps.violation());
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

  private static Object invoke(Method m, Object[] args) {
    try {
      return m.invoke(null, args);
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
