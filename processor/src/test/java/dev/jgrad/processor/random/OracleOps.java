package dev.jgrad.processor.random;

import dev.jgrad.runtime.GradientCheck;
import java.util.Locale;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The operations the oracle programs call (see {@link OracleText}): Hipparchus {@code Gradient}
 * arithmetic and functions, plus a watch on every decision.
 *
 * <p>Each comparison of doubles, each cast to int, and each function with a kink or a jump (abs,
 * max, min, floor, ceil, rint, signum, %, hypot and atan2 near the origin, cbrt near 0) records
 * how far its input is from the point where the outcome changes, measured against how far the
 * finite-difference check will move it: {@code SAFETY} times the sum over inputs of {@code
 * |dq/dx_j| * h_j}, where {@code h_j} is {@link GradientCheck}'s step for input {@code j}. The
 * forward-mode partials make that a first-order estimate with no extra evaluations. A point that
 * comes too close is rejected (see {@link #violation()}): there the plain and the oracle program
 * could take different paths through rounding, a finite difference would straddle the jump, and
 * jgrad and Hipparchus may follow different conventions (ties of max, abs at 0).
 *
 * <p>The state is static because the generated oracle code calls these as plain static methods;
 * the random tests run on one thread.
 */
public final class OracleOps {
  /** How many times the finite-difference step a decision must stay clear of its boundary. */
  static final double SAFETY = 20;
  /** Relative clearance against rounding differences between Math and Hipparchus. */
  static final double ROUNDING = 1e-9;

  private static int free;
  private static double[] steps = new double[0];
  private static String violation;

  private OracleOps() {}

  /**
   * Starts one evaluation with {@code stepSizes.length} free parameters, where parameter j is
   * moved by {@code stepSizes[j]} in the finite-difference check.
   */
  static void begin(double[] stepSizes) {
    free = stepSizes.length;
    steps = stepSizes.clone();
    violation = null;
  }

  /** The number of free parameters of the current evaluation. */
  static int free() {
    return free;
  }

  /** The first decision that came too close to flipping, or null if none did. */
  static String violation() {
    return violation;
  }

  /**
   * Records that the decision {@code what} flips where {@code q} changes sign. A {@code q} that
   * is exactly 0 with all partials 0 is a structural tie, such as {@code x < x} or {@code (int)
   * Math.floor(x)}: both programs compute it the same way, no finite-difference step moves it,
   * and both sides of the tie carry the same gradient, so it is accepted unless {@code strict}.
   */
  private static void watch(String what, Gradient q, double scale, double floor,
      boolean strict) {
    double[] d = q.getGradient();
    double moved = 0;
    for (int j = 0; j < d.length; j++) {
      moved += Math.abs(d[j]) * steps[j];
    }
    if (!strict && q.getValue() == 0 && moved == 0) {
      return;
    }
    double needed = floor + ROUNDING * (1 + Math.abs(scale)) + SAFETY * moved;
    if (violation == null && !(Math.abs(q.getValue()) > needed)) {
      violation = String.format(Locale.ROOT, "%s: %.3g from its boundary, needs %.3g", what,
          q.getValue(), needed);
    }
  }

  private static void watch(String what, Gradient q, double scale) {
    watch(what, q, scale, 0, false);
  }

  /** Watches {@code u}, whose integer part decides something: floor, ceil, (int), %. */
  private static void watchInteger(String what, Gradient u) {
    watch(what, u.subtract(Math.rint(u.getValue())), u.getValue());
  }

  /** A constant: every partial is zero. */
  public static Gradient k(double value) {
    return Gradient.constant(free, value);
  }

  /** {@code new double[n]}. */
  public static Gradient[] zeros(int n) {
    Gradient[] out = new Gradient[n];
    for (int i = 0; i < n; i++) {
      out[i] = k(0);
    }
    return out;
  }

  /** The value of a postfix {@code t++}: the old one, the update having run as the second arg. */
  public static Gradient first(Gradient old, Gradient updated) {
    return old;
  }

  public static Gradient add(Gradient a, Gradient b) {
    return a.add(b);
  }

  public static Gradient sub(Gradient a, Gradient b) {
    return a.subtract(b);
  }

  public static Gradient mul(Gradient a, Gradient b) {
    return a.multiply(b);
  }

  public static Gradient div(Gradient a, Gradient b) {
    return a.divide(b);
  }

  public static Gradient neg(Gradient a) {
    return a.negate();
  }

  /**
   * Java's {@code %} on doubles, {@code a - b * n} with {@code n} the quotient truncated towards
   * zero. Hipparchus's {@code remainder} rounds the quotient to the nearest integer (IEEE), so it
   * is not used; the value is Java's own.
   */
  public static Gradient rem(Gradient a, Gradient b) {
    Gradient q = a.divide(b);
    watchInteger("%", q);
    double n = (a.getValue() - a.getValue() % b.getValue()) / b.getValue();
    return a.subtract(b.multiply(n)).withValue(a.getValue() % b.getValue());
  }

  public static boolean lt(Gradient a, Gradient b) {
    watch("<", a.subtract(b), Math.abs(a.getValue()) + Math.abs(b.getValue()));
    return a.getValue() < b.getValue();
  }

  public static boolean le(Gradient a, Gradient b) {
    watch("<=", a.subtract(b), Math.abs(a.getValue()) + Math.abs(b.getValue()));
    return a.getValue() <= b.getValue();
  }

  public static boolean gt(Gradient a, Gradient b) {
    watch(">", a.subtract(b), Math.abs(a.getValue()) + Math.abs(b.getValue()));
    return a.getValue() > b.getValue();
  }

  public static boolean ge(Gradient a, Gradient b) {
    watch(">=", a.subtract(b), Math.abs(a.getValue()) + Math.abs(b.getValue()));
    return a.getValue() >= b.getValue();
  }

  public static boolean eq(Gradient a, Gradient b) {
    watch("==", a.subtract(b), Math.abs(a.getValue()) + Math.abs(b.getValue()));
    return a.getValue() == b.getValue();
  }

  public static boolean ne(Gradient a, Gradient b) {
    return !eq(a, b);
  }

  /** {@code (int) a}: truncation jumps at every integer. */
  public static int toInt(Gradient a) {
    watchInteger("(int)", a);
    return (int) a.getValue();
  }

  public static Gradient exp(Gradient a) {
    return a.exp();
  }

  public static Gradient log(Gradient a) {
    return a.log();
  }

  public static Gradient log10(Gradient a) {
    return a.log10();
  }

  public static Gradient log1p(Gradient a) {
    return a.log1p();
  }

  public static Gradient expm1(Gradient a) {
    return a.expm1();
  }

  public static Gradient sqrt(Gradient a) {
    return a.sqrt();
  }

  /** Its slope is infinite at 0, where a finite difference is useless: keep 0.05 away. */
  public static Gradient cbrt(Gradient a) {
    watch("cbrt", a, a.getValue(), 0.05, true);
    return a.cbrt();
  }

  /**
   * {@code Math.pow}. Hipparchus writes {@code a^b} as {@code exp(b log a)} when the exponent is
   * a Gradient, which is NaN for a negative base; a constant exponent goes through {@code
   * pow(double)}, as jgrad's own rule does (no {@code log a} term when {@code b} is constant).
   */
  public static Gradient pow(Gradient a, Gradient b) {
    for (double d : b.getGradient()) {
      if (d != 0) {
        return a.pow(b);
      }
    }
    return a.pow(b.getValue());
  }

  public static Gradient sin(Gradient a) {
    return a.sin();
  }

  public static Gradient cos(Gradient a) {
    return a.cos();
  }

  public static Gradient tan(Gradient a) {
    return a.tan();
  }

  public static Gradient asin(Gradient a) {
    return a.asin();
  }

  public static Gradient acos(Gradient a) {
    return a.acos();
  }

  public static Gradient atan(Gradient a) {
    return a.atan();
  }

  /** Singular at the origin and cut along the negative x axis: watch both. */
  public static Gradient atan2(Gradient y, Gradient x) {
    watch("atan2 origin", y.hypot(x), 0, 0, true);
    if (x.getValue() < 0) {
      watch("atan2 cut", y, y.getValue(), 0, true);
    }
    return y.atan2(x);
  }

  public static Gradient sinh(Gradient a) {
    return a.sinh();
  }

  public static Gradient cosh(Gradient a) {
    return a.cosh();
  }

  public static Gradient tanh(Gradient a) {
    return a.tanh();
  }

  public static Gradient abs(Gradient a) {
    watch("abs", a, a.getValue());
    return a.abs();
  }

  public static Gradient max(Gradient a, Gradient b) {
    watch("max", a.subtract(b), Math.abs(a.getValue()) + Math.abs(b.getValue()));
    return a.getValue() >= b.getValue() ? a : b;
  }

  public static Gradient min(Gradient a, Gradient b) {
    watch("min", a.subtract(b), Math.abs(a.getValue()) + Math.abs(b.getValue()));
    return a.getValue() <= b.getValue() ? a : b;
  }

  public static Gradient hypot(Gradient a, Gradient b) {
    Gradient h = a.hypot(b);
    watch("hypot", h, 0, 0, true);
    return h;
  }

  public static Gradient floor(Gradient a) {
    watchInteger("floor", a);
    return a.floor();
  }

  public static Gradient ceil(Gradient a) {
    watchInteger("ceil", a);
    return a.ceil();
  }

  /** {@code rint} jumps half-way between integers. */
  public static Gradient rint(Gradient a) {
    watch("rint", a.subtract(Math.floor(a.getValue()) + 0.5), a.getValue());
    return a.rint();
  }

  public static Gradient signum(Gradient a) {
    watch("signum", a, a.getValue());
    return a.sign();
  }

  public static Gradient toRadians(Gradient a) {
    return a.toRadians();
  }

  public static Gradient toDegrees(Gradient a) {
    return a.toDegrees();
  }
}
