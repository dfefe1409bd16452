package dev.jgrad.runtime;

import java.util.Locale;

/**
 * The outcome of a {@link GradientCheck}: how many gradient components were compared with finite
 * differences, and the one that disagreed most.
 *
 * <p>Only the worst component is kept, because it decides whether a check passes and is where one
 * starts looking for the bug; the report stays small however large the arguments are.
 *
 * @param function the checked function's name
 * @param componentsChecked how many components were compared; zero if the function has no
 *     differentiable component (every wrt array empty), in which case the fields below say "none"
 * @param worstComponent the component with the largest error, named like {@code x}, {@code W[3]}
 *     or {@code W[2][7]}; the first one checked if several tie
 * @param generated the generated gradient's value for that component
 * @param numeric the central-difference estimate for that component
 * @param maxRelativeError its error: relative, or absolute where both values are tiny (see {@link
 *     GradientCheck.Options#absoluteBelow}), and positive infinity if either value is NaN
 */
public record GradientReport(
    String function,
    int componentsChecked,
    String worstComponent,
    double generated,
    double numeric,
    double maxRelativeError) {

  /** The report of a check that had nothing to compare. */
  static GradientReport empty(String function) {
    return new GradientReport(function, 0, "none", Double.NaN, Double.NaN, 0);
  }

  /**
   * Returns this report if {@link #maxRelativeError()} is at most {@code tolerance}, and throws
   * otherwise. It throws a plain {@link AssertionError}, so it reads as a test failure under any
   * test framework and also works in a {@code main} method without one.
   *
   * <p>A check that compared no component also fails: it would prove nothing, and the usual cause
   * is an empty array or a function with no differentiable parameter passed by mistake.
   *
   * @throws AssertionError with {@link #toString()} as the message
   */
  public GradientReport assertBelow(double tolerance) {
    if (componentsChecked == 0) {
      throw new AssertionError(this + "\n  a check of no component proves nothing");
    }
    if (!(maxRelativeError <= tolerance)) {
      throw new AssertionError(
          this + String.format(Locale.ROOT, "\n  error is above the tolerance %.3g", tolerance));
    }
    return this;
  }

  /**
   * One summary line and one line for the worst component, for example:
   *
   * <pre>
   * Neuron.fire: max error 2.1e-11 over 5 gradient components
   *   worst w0: generated 0.25, numeric 0.2500000000052, error 2.1e-11
   * </pre>
   */
  @Override
  public String toString() {
    if (componentsChecked == 0) {
      return function + ": no gradient component to check";
    }
    return String.format(
        Locale.ROOT,
        "%s: max error %.2g over %d gradient component%s\n  worst %s: generated %s, numeric %s,"
            + " error %.2g",
        function,
        maxRelativeError,
        componentsChecked,
        componentsChecked == 1 ? "" : "s",
        worstComponent,
        generated,
        numeric,
        maxRelativeError);
  }
}
