package dev.jgrad.processor.random;

import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.processor.testing.Differentiated;
import dev.jgrad.runtime.DifferentiableFunction;
import dev.jgrad.runtime.Gradient;
import dev.jgrad.runtime.GradientCheck;
import dev.jgrad.runtime.GradientReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The checks of one compiled program at one input, in order: the plain value, the oracle (which
 * may reject the input), then jgrad's {@code f} against both, {@code fPullback} against {@code f},
 * and the gradient against central finite differences. Array-valued methods go to {@link
 * VectorCheck}, which uses the same pieces.
 */
final class Check {
  /** Values and partials beyond this are rejected: they make every comparison meaningless. */
  static final double LIMIT = 1e6;
  /** The generated value may differ from the plain one by this much, relative. */
  static final double VALUE_TOLERANCE = 1e-15;
  /** Against the oracle; see {@link #close}. */
  static final double GRADIENT_TOLERANCE = 1e-10;
  /** Against finite differences, as GradientCheck measures it. */
  static final double FINITE_DIFFERENCE_TOLERANCE = 1e-6;
  /** Steps tried, each a quarter of the one before, starting from GradientCheck's default. */
  static final int STEPS = 5;
  /** Partials below this times {@code max(1, |f|)} are compared absolutely. */
  static final double FINITE_DIFFERENCE_FLOOR = 1e-2;
  /** What fPullback's buffers hold before the call: it must add, not overwrite. */
  private static final double PRELOAD = 0.5;
  /** The upstream of fPullback for a double method, a factor on the cotangent for a vector. */
  static final double UPSTREAM = 2.0;

  private Check() {}

  static Outcome run(Compiled compiled, String className, Program program, Object[] args) {
    Fn entry = program.entry();
    String owner = JavaText.PACKAGE + "." + className;
    if (entry.result() == Ty.ARRAY) {
      return VectorCheck.run(compiled, owner, entry, args);
    }
    Differentiated f = compiled.method(owner, entry.name());
    double plain;
    try {
      plain = f.value(Inputs.copy(args));
    } catch (RuntimeException | StackOverflowError e) {
      return failed(Failure.Kind.HARNESS, "plain throws", "the plain method threw " + e);
    }
    if (!Double.isFinite(plain) || Math.abs(plain) > LIMIT) {
      return new Outcome.Rejected("plain value " + plain);
    }
    Oracle.Answer oracle;
    try {
      oracle = Oracle.run(compiled.loadClass(owner + "Oracle"), entry, Inputs.copy(args));
    } catch (RuntimeException | StackOverflowError e) {
      return failed(Failure.Kind.HARNESS, "oracle throws", stackTrace(e));
    }
    Outcome unusable = unusable(oracle);
    if (unusable != null) {
      return unusable;
    }
    if (!(Math.abs(oracle.value() - plain) <= 1e-9 * (1 + Math.abs(plain)))) {
      return failed(Failure.Kind.HARNESS, "oracle value",
          "the oracle computes " + oracle.value() + ", the plain method " + plain);
    }
    return checkJgrad(f, entry, args, plain, oracle, compiled.loadClass(owner + "Oracle"));
  }

  private static Outcome checkJgrad(Differentiated f, Fn entry, Object[] args, double plain,
      Oracle.Answer oracle, Class<?> oracleClass) {
    Object[] call = Inputs.copy(args);
    Gradient g;
    try {
      g = f.gradient(call);
    } catch (RuntimeException | StackOverflowError e) {
      return failed(Failure.Kind.CRASH, e.getClass().getSimpleName() + where(e),
          "FooGrad.f threw:\n" + stackTrace(e));
    }
    if (!sameValue(plain, g.value())) {
      return failed(Failure.Kind.VALUE, "", "FooGrad.f gives " + g.value() + ", the plain method "
          + plain);
    }
    if (!Arrays.deepEquals(call, args)) {
      return failed(Failure.Kind.RESTORE, "", "after FooGrad.f the arguments are "
          + Inputs.text(call) + ", were " + Inputs.text(args));
    }
    double[] jgrad = flatten(entry, p -> Differentiated.component(g, p));
    List<String> wrong = againstOracle(jgrad, oracle.gradient(), oracleClass, entry, args,
        Oracle.Answer::gradient);
    if (!wrong.isEmpty()) {
      return failed(Failure.Kind.GRADIENT, "", "jgrad against the oracle: "
          + String.join("; ", wrong));
    }
    Outcome pullback = pullback(f, entry, args, plain, jgrad);
    if (pullback != null) {
      return pullback;
    }
    return finiteDifferences(f.function(), args, plain);
  }

  /** Why the oracle's answer makes the input unusable, or null. */
  static Outcome unusable(Oracle.Answer oracle) {
    if (oracle.violation() != null) {
      return new Outcome.Rejected(oracle.violation());
    }
    for (double[] row : oracle.jacobian()) {
      for (double d : row) {
        if (!Double.isFinite(d) || Math.abs(d) > LIMIT) {
          return new Outcome.Rejected("oracle partial " + d);
        }
      }
    }
    return null;
  }

  /**
   * The components of jgrad's {@code actual} that are not {@link #close} to the oracle's {@code
   * expected}, which is {@code pick} of the oracle's answer at {@code args}.
   */
  static List<String> againstOracle(double[] actual, double[] expected, Class<?> oracleClass,
      Fn entry, Object[] args, Function<Oracle.Answer, double[]> pick) {
    double[] none = new double[actual.length];
    List<String> wrong = mismatches(actual, expected, none, names(entry, args));
    if (!wrong.isEmpty()) {
      // jgrad rounds as java.lang.Math does, the oracle as Hipparchus's FastMath; an
      // ill-conditioned method (x /= 1.5 + cos(toDegrees(x)), five times) magnifies that past
      // 1e-10. What the inputs' own last bit changes is beyond any method's reach: allow it.
      double[] slack = sensitivity(oracleClass, entry, args, expected, pick);
      wrong = mismatches(actual, expected, slack, names(entry, args));
    }
    return wrong;
  }

  /**
   * The gradient of {@code function} (a double method, or an array-valued one along an upstream)
   * against central finite differences; {@code plain} is its value.
   */
  static Outcome finiteDifferences(DifferentiableFunction function, Object[] args,
      double plain) {
    if (Inputs.aliased(args)) {
      // GradientCheck copies each array argument for every evaluation, which would undo the
      // aliasing; the oracle has checked the gradient with respect to the shared array.
      return new Outcome.Passed("aliased arrays");
    }
    // A central difference carries rounding noise of order K eps |f| / h, about 4e-9 |f| for
    // an error growth K of 100 at the default step: it swamps partials that are tiny next to the
    // value (a saturated tanh). Partials below 1% of max(1, |f|) are therefore judged by absolute
    // error, with a tolerance that grows with |f| once |f| > 100; larger ones by relative error,
    // where that noise is below 4e-7.
    double scale = Math.max(1, Math.abs(plain));
    double tolerance = FINITE_DIFFERENCE_TOLERANCE * Math.max(1, scale / 100);
    List<GradientReport> reports = new ArrayList<>();
    // The truncation error of a central difference grows with the third derivative: a method
    // like sin(toDegrees(sin(toDegrees(x)))) needs a smaller step than the default. Each quarter
    // step cuts it 16 times, so only a gradient that no step confirms can be wrong.
    double step = GradientCheck.DEFAULT_STEP;
    for (int tries = 0; tries < STEPS; tries++, step /= 4) {
      GradientReport report = GradientCheck.options()
          .step(step)
          .absoluteBelow(FINITE_DIFFERENCE_FLOOR * scale)
          .check(function, Inputs.copy(args));
      if (report.maxRelativeError() <= tolerance) {
        return new Outcome.Passed(null);
      }
      reports.add(report);
    }
    // It is wrong if the differences settled on another value: the last two steps agree with
    // each other. If they still move, the method is too wild at this point for differences at
    // any step (cos of a huge argument: rounding noise grows as the truncation error shrinks),
    // and the oracle's verdict stands alone.
    GradientReport last = reports.get(reports.size() - 1);
    GradientReport before = reports.get(reports.size() - 2);
    boolean settled = last.worstComponent().equals(before.worstComponent())
        && Math.abs(last.numeric() - before.numeric())
            <= tolerance * Math.max(Math.abs(last.numeric()), FINITE_DIFFERENCE_FLOOR * scale);
    return settled ? failed(Failure.Kind.FINITE_DIFFERENCES, "", reports.get(0) + "\n" + last)
        : new Outcome.Passed("finite differences do not settle");
  }

  /** Buffers preloaded with PRELOAD must end as PRELOAD + UPSTREAM * gradient. */
  private static Outcome pullback(Differentiated f, Fn entry, Object[] args, double plain,
      double[] jgrad) {
    List<Object> buffers = buffers(entry, args);
    double value;
    try {
      value = f.pullback(Inputs.copy(args), UPSTREAM, buffers.toArray());
    } catch (RuntimeException | StackOverflowError e) {
      return failed(Failure.Kind.CRASH, "pullback " + e.getClass().getSimpleName() + where(e),
          "fPullback threw:\n" + stackTrace(e));
    }
    if (!sameValue(plain, value)) {
      return failed(Failure.Kind.PULLBACK, "value", "fPullback returns " + value
          + ", the plain method " + plain);
    }
    return added(buffers, jgrad, entry, args);
  }

  /**
   * fPullback's buffers, one per differentiated parameter, each preloaded with PRELOAD, since
   * fPullback must add into them.
   */
  static List<Object> buffers(Fn entry, Object[] args) {
    List<Object> buffers = new ArrayList<>();
    List<Object> owners = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (entry.differentiated().contains(entry.params().get(i))) {
        // One array passed twice takes one buffer, passed twice: fPullback requires it.
        int earlier = Oracle.sameArrayBefore(args, i);
        if (earlier >= 0 && owners.contains(args[earlier])) {
          buffers.add(buffers.get(owners.indexOf(args[earlier])));
          owners.add(args[i]);
          continue;
        }
        if (args[i] instanceof double[][] m) {
          double[][] b = new double[m.length][];
          for (int r = 0; r < m.length; r++) {
            b[r] = new double[m[r].length];
            Arrays.fill(b[r], PRELOAD);
          }
          buffers.add(b);
        } else {
          double[] b = new double[Inputs.size(args[i])];
          Arrays.fill(b, PRELOAD);
          buffers.add(b);
        }
        owners.add(args[i]);
      }
    }
    return buffers;
  }

  /** A failure unless the buffers hold PRELOAD + UPSTREAM * jgrad, else null. */
  static Outcome added(List<Object> buffers, double[] jgrad, Fn entry, Object[] args) {
    double[] added = new double[jgrad.length];
    double[] expected = new double[jgrad.length];
    int k = 0;
    for (Object b : buffers) {
      for (double d : Inputs.flat(b)) {
        added[k] = d - PRELOAD;
        expected[k] = UPSTREAM * jgrad[k];
        k++;
      }
    }
    List<String> wrong = mismatches(added, expected, new double[added.length],
        names(entry, args));
    return wrong.isEmpty() ? null : failed(Failure.Kind.PULLBACK, "buffers",
        "fPullback added " + String.join("; ", wrong));
  }

  /** Bit-equal, or within VALUE_TOLERANCE relative. */
  static boolean sameValue(double expected, double actual) {
    return Double.compare(expected, actual) == 0
        || Math.abs(actual - expected) <= VALUE_TOLERANCE * Math.abs(expected);
  }

  /**
   * Whether {@code actual} is close to the oracle's {@code expected}: relative to the component,
   * with a floor relative to the largest component (and 1), since a partial that is a small
   * difference of large terms carries their rounding error, and one that should be 0 comes out
   * as a few ulps of them. The floor, 1e-13 for O(1) gradients (about 450 ulps of 1), also
   * covers a derivative computed by cancellation times a chain factor: tanh' = 1 - tanh^2 at a
   * saturated tanh is one rounding of 1 (2.2e-16), and through toDegrees (57.3) it is 1.3e-14,
   * while the oracle's tanh rounds to exactly 1 and gives 0 (seed 77, program 4885).
   */
  static boolean close(double expected, double actual, double largest) {
    double scale = Math.max(Math.abs(expected), 1e-3 * Math.max(largest, 1));
    return Math.abs(actual - expected) <= GRADIENT_TOLERANCE * scale;
  }

  /**
   * The components that are not {@link #close}, even with {@code slack[i]} more absolute
   * error allowed for component i.
   */
  static List<String> mismatches(double[] actual, double[] expected, double[] slack,
      List<String> names) {
    double largest = 0;
    for (double e : expected) {
      largest = Math.max(largest, Math.abs(e));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < expected.length; i++) {
      boolean near = Math.abs(actual[i] - expected[i]) <= slack[i];
      if (!near && !close(expected[i], actual[i], largest)) {
        out.add(String.format(Locale.ROOT, "%s: expected %s, got %s%s", names.get(i),
            expected[i], actual[i], slack[i] == 0 ? "" : " (rounding allows " + slack[i] + ")"));
      }
    }
    return out;
  }

  /**
   * Ten times how far the oracle's partials move when every input moves by one ulp, up or
   * down: the precision to which the gradient is defined in doubles at this point.
   */
  static double[] sensitivity(Class<?> oracleClass, Fn entry, Object[] args,
      double[] gradient, Function<Oracle.Answer, double[]> pick) {
    double[] slack = new double[gradient.length];
    for (boolean up : new boolean[] {true, false}) {
      double[] moved = pick.apply(Oracle.run(oracleClass, entry, Inputs.nudged(args, up)));
      for (int i = 0; i < slack.length; i++) {
        slack[i] = Math.max(slack[i], 10 * Math.abs(moved[i] - gradient[i]));
      }
    }
    return slack;
  }

  /** The gradient record's components, read by parameter name, in the oracle's order. */
  static double[] flatten(Fn entry, Function<String, Object> component) {
    List<Double> out = new ArrayList<>();
    for (Fn.Param p : entry.differentiated()) {
      for (double d : Inputs.flat(component.apply(p.name()))) {
        out.add(d);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** {@code x}, {@code a[0]}, {@code a[1]}... in the same order. */
  static List<String> names(Fn entry, Object[] args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      Fn.Param p = entry.params().get(i);
      if (!entry.differentiated().contains(p)) {
        continue;
      }
      if (args[i] instanceof double[] a) {
        for (int j = 0; j < a.length; j++) {
          out.add("d" + p.name() + "[" + j + "]");
        }
      } else if (args[i] instanceof double[][] m) {
        for (int r = 0; r < m.length; r++) {
          for (int j = 0; j < m[r].length; j++) {
            out.add("d" + p.name() + "[" + r + "][" + j + "]");
          }
        }
      } else {
        out.add("d" + p.name());
      }
    }
    return out;
  }

  static Outcome failed(Failure.Kind kind, String detail, String message) {
    return new Outcome.Failed(new Failure(kind, detail, message));
  }

  /**
   * The generated method that threw, such as {@code " in fAdjoint"} or {@code " in hAdjoint"}
   * (digits dropped, so that h0 and h1 count as one place): part of the failure's signature, so
   * that a crash in a callee is shrunk apart from one at the top.
   */
  static String where(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith(JavaText.PACKAGE + ".")
          && frame.getClassName().endsWith("Grad")) {
        return " in " + frame.getMethodName().replaceAll("[0-9]", "");
      }
    }
    return "";
  }

  static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    String[] lines = out.toString().split("\n");
    return String.join("\n", Arrays.asList(lines).subList(0, Math.min(lines.length, 12)));
  }
}
