package dev.jgrad.processor.random;

import dev.jgrad.runtime.GradientCheck;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * Runs a compiled oracle program: one Hipparchus derivative direction per component of each
 * differentiated argument, in declaration order, arrays element by element.
 */
final class Oracle {
  /**
   * The oracle's answer at one point.
   *
   * @param gradient all partials, flattened in the order of {@link Fn#differentiated()}
   * @param violation the first decision that came too close to flipping, or null
   */
  record Answer(double value, double[] gradient, String violation) {}

  private Oracle() {}

  static Answer run(Class<?> oracleClass, Fn entry, Object[] args) {
    List<Fn.Param> wrt = entry.differentiated();
    int free = 0;
    List<Double> steps = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (wrt.contains(entry.params().get(i))) {
        if (args[i] instanceof double[] a) {
          for (double v : a) {
            steps.add(step(v));
          }
          free += a.length;
        } else {
          steps.add(step((Double) args[i]));
          free++;
        }
      }
    }
    OracleOps.begin(steps.stream().mapToDouble(Double::doubleValue).toArray());
    Object[] gradientArgs = new Object[args.length];
    int next = 0;
    for (int i = 0; i < args.length; i++) {
      boolean active = wrt.contains(entry.params().get(i));
      if (args[i] instanceof double[] a) {
        Gradient[] g = new Gradient[a.length];
        for (int j = 0; j < a.length; j++) {
          g[j] = active ? Gradient.variable(free, next++, a[j]) : Gradient.constant(free, a[j]);
        }
        gradientArgs[i] = g;
      } else if (args[i] instanceof Double d) {
        gradientArgs[i] = active ? Gradient.variable(free, next++, d) : Gradient.constant(free, d);
      } else {
        gradientArgs[i] = args[i];
      }
    }
    Gradient result = (Gradient) invoke(method(oracleClass, entry.name()), gradientArgs);
    return new Answer(result.getValue(), result.getGradient(), OracleOps.violation());
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
