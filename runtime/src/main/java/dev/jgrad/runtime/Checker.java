package dev.jgrad.runtime;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One run of a gradient check: compares each component of a generated gradient with a central
 * difference of the plain function, and keeps the worst disagreement.
 *
 * <p>Every call to the function gets a fresh deep copy of the arguments (see {@link Arguments}), so
 * a method that writes into its arrays neither changes the caller's nor skews later evaluations.
 */
final class Checker {
  private final GradientCheck.Options options;
  private final DifferentiableFunction function;
  private final Object[] args;
  private final SplittableRandom random;

  private int checked;
  private String worst;
  private double worstGenerated;
  private double worstNumeric;
  private double worstError;

  Checker(GradientCheck.Options options, DifferentiableFunction function, Object[] args) {
    this.options = options;
    this.function = Objects.requireNonNull(function, "function");
    this.args = Objects.requireNonNull(args, "args").clone();
    // One generator for the whole run, so the same seed picks the same components every time.
    this.random = new SplittableRandom(options.seed);
  }

  GradientReport run() {
    String name = function.name();
    List<String> parameters = List.copyOf(function.parameterNames());
    Arguments.requireCount(name, parameters, args);
    List<String> wrt = List.copyOf(function.wrt());
    Components[] components = new Components[wrt.size()];
    int[] positions = new int[wrt.size()];
    for (int k = 0; k < wrt.size(); k++) {
      positions[k] = parameters.indexOf(wrt.get(k));
      if (positions[k] < 0) {
        throw new IllegalArgumentException(
            name + " differentiates with respect to " + wrt.get(k) + ", not among " + parameters);
      }
      components[k] = Components.of(wrt.get(k), args[positions[k]]);
    }
    Gradient gradient = function.gradient(Arguments.copy(args));
    for (int k = 0; k < wrt.size(); k++) {
      Object generated = gradient.gradient(wrt.get(k));
      components[k].requireSameShape(generated);
      checkParameter(positions[k], components[k], generated);
    }
    if (checked == 0) {
      return GradientReport.empty(name);
    }
    return new GradientReport(name, checked, worst, worstGenerated, worstNumeric, worstError);
  }

  private void checkParameter(int position, Components components, Object generated) {
    int size = components.size();
    int[] picked = options.sample > 0 && size > options.sample ? pick(size, options.sample) : null;
    int count = picked == null ? size : picked.length;
    for (int i = 0; i < count; i++) {
      int index = picked == null ? i : picked[i];
      double numeric = centralDifference(position, components, index);
      double expected = components.get(generated, index);
      double error = RelativeError.between(expected, numeric, options.absoluteBelow);
      if (checked == 0 || error > worstError) {
        worst = components.name(index);
        worstGenerated = expected;
        worstNumeric = numeric;
        worstError = error;
      }
      checked++;
    }
  }

  /**
   * {@code (f(x + h) - f(x - h)) / ((x + h) - (x - h))}: dividing by the difference of the points
   * actually evaluated, rather than by {@code 2h}, removes the error of rounding {@code x + h}.
   */
  private double centralDifference(int position, Components components, int index) {
    double x = components.get(args[position], index);
    double h = options.step * Math.max(1, Math.abs(x));
    double up = x + h;
    double down = x - h;
    return (evaluateAt(position, components, index, up)
            - evaluateAt(position, components, index, down))
        / (up - down);
  }

  private double evaluateAt(int position, Components components, int index, double x) {
    Object[] copy = Arguments.copy(args);
    copy[position] = components.set(copy[position], index, x);
    return function.value(copy);
  }

  /**
   * {@code count} distinct indices below {@code size}, ascending, each set equally likely: keeps
   * index {@code i} with probability (still needed) / (still left), which needs no memory beyond
   * the result.
   */
  private int[] pick(int size, int count) {
    int[] picked = new int[count];
    int taken = 0;
    for (int i = 0; i < size && taken < count; i++) {
      if (random.nextInt(size - i) < count - taken) {
        picked[taken++] = i;
      }
    }
    return picked;
  }
}
