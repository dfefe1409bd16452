package dev.jgrad.runtime;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Checks a gradient against central finite differences of the function it claims to differentiate.
 *
 * <p>For each component {@code x} of each differentiable argument it evaluates {@code (f(x + h) -
 * f(x - h)) / ((x + h) - (x - h))} with {@code h = step * max(1, |x|)}, so the step follows the
 * scale of large components, and compares it with the generated component by relative error (see
 * {@link GradientReport#maxRelativeError()}). Every call gets fresh copies of the array arguments:
 * the caller's arrays are never modified, even by a method that writes into them.
 *
 * <p>Typical use, in a test or a {@code main} method:
 *
 * <pre>
 * GradientCheck.check(NeuronGrad.fireFunction(), 0.5, 1.0, -0.3, 2.0, 0.1).assertBelow(1e-6);
 * GradientCheck.options().sample(20, 42).check(f, weights, inputs).assertBelow(1e-6);
 * </pre>
 *
 * <p>Each component costs two evaluations and a copy of all arguments; for large arrays use {@link
 * Options#sample} to check a fixed random subset.
 */
public final class GradientCheck {
  /**
   * The default relative step, the cube root of the machine epsilon, about 6.06e-6. A central
   * difference has a truncation error of order {@code h^2} and a rounding error of order {@code
   * eps / h}; their sum is smallest for {@code h} of order {@code cbrt(eps)}, where both are about
   * {@code eps^(2/3)}, near 4e-11 relative for a well-scaled smooth function.
   */
  public static final double DEFAULT_STEP = Math.cbrt(Math.ulp(1.0));

  /**
   * The default magnitude below which errors are absolute rather than relative: well above the
   * rounding noise of the estimate at the default step, far below any gradient that matters.
   */
  public static final double DEFAULT_ABSOLUTE_BELOW = 1e-8;

  private GradientCheck() {}

  /** The default options, to be changed by chaining; each change returns a new object. */
  public static Options options() {
    return Options.DEFAULTS;
  }

  /**
   * Checks {@code function}'s gradient at {@code args} with the default options.
   *
   * @param args one per parameter, as for {@link DifferentiableFunction#value(Object...)}
   * @throws IllegalArgumentException if the argument count is wrong, a differentiable argument is
   *     not a Double, double[] or double[][], or a gradient does not have its argument's shape
   */
  public static GradientReport check(DifferentiableFunction function, Object... args) {
    return options().check(function, args);
  }

  /**
   * Checks a gradient computed by hand or by other means: {@code generatedGradient} should be the
   * gradient of {@code function} at {@code x}. The components are named {@code x[0]}, {@code x[1]}
   * and so on in the report.
   *
   * @throws IllegalArgumentException if {@code generatedGradient} and {@code x} differ in length
   */
  public static GradientReport compare(
      String name,
      double[] generatedGradient,
      ToDoubleFunction<double[]> function,
      double[] x) {
    return options().compare(name, generatedGradient, function, x);
  }

  /**
   * Immutable settings for a check: the finite-difference step, the floor below which errors are
   * absolute, and optional sampling of large arrays.
   */
  public static final class Options {
    static final Options DEFAULTS = new Options(DEFAULT_STEP, DEFAULT_ABSOLUTE_BELOW, 0, 0);

    final double step;
    final double absoluteBelow;
    /** The most components to check per parameter; 0 checks them all. */
    final int sample;
    final long seed;

    private Options(double step, double absoluteBelow, int sample, long seed) {
      this.step = step;
      this.absoluteBelow = absoluteBelow;
      this.sample = sample;
      this.seed = seed;
    }

    /** Uses the relative step {@code step} instead of {@link #DEFAULT_STEP}. */
    public Options step(double step) {
      if (!(step > 0 && step < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("step must be positive and finite: " + step);
      }
      return new Options(step, absoluteBelow, sample, seed);
    }

    /**
     * Uses absolute error {@code |a - b|} where {@code max(|a|, |b|) < floor}, instead of below
     * {@link #DEFAULT_ABSOLUTE_BELOW}; 0 makes every error relative.
     */
    public Options absoluteBelow(double floor) {
      if (!(floor >= 0 && floor < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("floor must be non-negative and finite: " + floor);
      }
      return new Options(step, floor, sample, seed);
    }

    /**
     * Checks at most {@code maxComponentsPerParameter} components of each parameter, chosen by a
     * {@link java.util.SplittableRandom} seeded with {@code seed}, so a failure can be reproduced.
     */
    public Options sample(int maxComponentsPerParameter, long seed) {
      if (maxComponentsPerParameter < 1) {
        throw new IllegalArgumentException(
            "must check at least one component per parameter: " + maxComponentsPerParameter);
      }
      return new Options(step, absoluteBelow, maxComponentsPerParameter, seed);
    }

    /** As {@link GradientCheck#check}, with these options. */
    public GradientReport check(DifferentiableFunction function, Object... args) {
      return new Checker(this, function, args).run();
    }

    /** As {@link GradientCheck#compare}, with these options. */
    public GradientReport compare(
        String name,
        double[] generatedGradient,
        ToDoubleFunction<double[]> function,
        double[] x) {
      return check(new ArrayFunction(name, generatedGradient, function), (Object) x);
    }

    @Override
    public String toString() {
      String sampling = sample == 0 ? "all" : sample + " per parameter, seed " + seed;
      return String.format(
          Locale.ROOT, "step %.3g, absolute below %.3g, check %s", step, absoluteBelow, sampling);
    }
  }
}
