package dev.jgrad.runtime;

/**
 * Local derivatives at kinks and domain edges, in one place so the conventions are written down
 * once. Generated code calls these; each is small enough for the JIT to inline.
 *
 * <p>The conventions follow JAX and PyTorch: a tie of {@code max} or {@code min} splits the
 * gradient equally; {@code abs} has slope 0 at 0; {@code pow} does not turn a zero base into NaN.
 */
public final class Partials {
  private Partials() {}

  /**
   * The share of {@code max(a, b)}'s gradient that goes to {@code a}: all of it when {@code a} is
   * larger, none when smaller, half on a tie (so a tie gives each input half).
   */
  public static double maxShare(double a, double b) {
    return a > b ? 1.0 : a < b ? 0.0 : 0.5;
  }

  /** The share of {@code min(a, b)}'s gradient that goes to {@code a}; half on a tie. */
  public static double minShare(double a, double b) {
    return a < b ? 1.0 : a > b ? 0.0 : 0.5;
  }

  /** d|x|/dx: the sign of x, and 0 at 0 (a subgradient, as PyTorch does). */
  public static double absSlope(double x) {
    return Math.signum(x);
  }

  /**
   * d pow(x, p) / dx = p x^(p-1), and 0 when p is 0 (pow(x, 0) is the constant 1, even at x = 0
   * where the formula would give 0 * infinity).
   */
  public static double powBase(double x, double p) {
    return p == 0.0 ? 0.0 : p * Math.pow(x, p - 1.0);
  }

  /**
   * d pow(x, p) / dp = pow(x, p) log(x), given {@code value = pow(x, p)}. At x = 0 this is the
   * limit from the right, 0, instead of 0 * -infinity = NaN; for x &lt; 0 it is NaN, since the
   * real power has no derivative in p there.
   */
  public static double powExponent(double x, double value) {
    return x == 0.0 ? 0.0 : value * Math.log(x);
  }

  /** d hypot(x, y) / dx = x / hypot(x, y), and 0 at the origin (a subgradient). */
  public static double hypotSlope(double x, double hypot) {
    return hypot == 0.0 ? 0.0 : x / hypot;
  }
}
