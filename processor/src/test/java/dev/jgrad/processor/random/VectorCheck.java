package dev.jgrad.processor.random;

import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.runtime.VectorJacobianProduct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The checks of an array-valued method at one input. jgrad computes {@code J^T v}, the gradient
 * of {@code <v, f(x)>} for a cotangent {@code v} over the result; it must match the oracle's
 * Jacobian transposed times {@code v}, component by component, and pass the dot-product test
 * {@code <v, J t> = <J^T v, t>} for a tangent {@code t} over the inputs, with {@code J t} from a
 * forward-mode run seeded with {@code t}. Then fPullback must add {@code J^T v} into its
 * buffers, and {@code <v, f(x)>} must agree with finite differences.
 */
final class VectorCheck {
  private VectorCheck() {}

  static Outcome run(Compiled compiled, String owner, Fn entry, Object[] args) {
    VectorEntry f = new VectorEntry(compiled, owner, entry.name());
    Class<?> oracleClass = compiled.loadClass(owner + "Oracle");
    double[] plain;
    try {
      plain = f.value(Inputs.copy(args));
    } catch (RuntimeException | StackOverflowError e) {
      return Check.failed(Failure.Kind.HARNESS, "plain throws", "the plain method threw " + e);
    }
    for (double d : plain) {
      if (!Double.isFinite(d) || Math.abs(d) > Check.LIMIT) {
        return new Outcome.Rejected("plain value " + d);
      }
    }
    Oracle.Answer oracle;
    try {
      oracle = Oracle.run(oracleClass, entry, Inputs.copy(args));
    } catch (RuntimeException | StackOverflowError e) {
      return Check.failed(Failure.Kind.HARNESS, "oracle throws", Check.stackTrace(e));
    }
    Outcome unusable = Check.unusable(oracle);
    if (unusable != null) {
      return unusable;
    }
    boolean agree = oracle.values().length == plain.length;
    for (int i = 0; agree && i < plain.length; i++) {
      agree = Math.abs(oracle.values()[i] - plain[i]) <= 1e-9 * (1 + Math.abs(plain[i]));
    }
    if (!agree) {
      return Check.failed(Failure.Kind.HARNESS, "oracle value", "the oracle computes "
          + Arrays.toString(oracle.values()) + ", the plain method " + Arrays.toString(plain));
    }
    // Fixed by the input, so that a shrunk program is checked along the same kind of vectors.
    SplittableRandom rnd = new SplittableRandom(Arrays.deepHashCode(args));
    double[] v = draw(rnd, plain.length);
    double[] t = draw(rnd, Oracle.freeParameters(entry, args));
    return checkJgrad(f, oracleClass, entry, args, plain, oracle, v, t);
  }

  private static Outcome checkJgrad(VectorEntry f, Class<?> oracleClass, Fn entry,
      Object[] args, double[] plain, Oracle.Answer oracle, double[] v, double[] t) {
    Object[] call = Inputs.copy(args);
    VectorJacobianProduct product;
    try {
      product = f.product(call, v);
    } catch (RuntimeException | StackOverflowError e) {
      return Check.failed(Failure.Kind.CRASH, e.getClass().getSimpleName() + Check.where(e),
          "FooGrad.f threw:\n" + Check.stackTrace(e));
    }
    if (!sameValues(plain, (double[]) product.value())) {
      return Check.failed(Failure.Kind.VALUE, "", "FooGrad.f gives "
          + Arrays.toString((double[]) product.value()) + ", the plain method "
          + Arrays.toString(plain));
    }
    if (!Arrays.deepEquals(call, args)) {
      return Check.failed(Failure.Kind.RESTORE, "", "after FooGrad.f the arguments are "
          + Inputs.text(call) + ", were " + Inputs.text(args));
    }
    double[] jgrad = Check.flatten(entry, p -> VectorEntry.component(product, p));
    Outcome dot = dotProduct(oracleClass, entry, args, v, t, jgrad);
    if (dot != null) {
      return dot;
    }
    // A wrong component can hide in one random combination; compare each, which also names it.
    List<String> wrong = Check.againstOracle(jgrad, oracle.transposedTimes(v), oracleClass,
        entry, args, a -> a.transposedTimes(v));
    if (!wrong.isEmpty()) {
      return Check.failed(Failure.Kind.GRADIENT, "", "J^T v with v = " + Arrays.toString(v)
          + ", jgrad against the oracle: " + String.join("; ", wrong));
    }
    Outcome pullback = pullback(f, entry, args, plain, v, jgrad);
    if (pullback != null) {
      return pullback;
    }
    double along = 0;
    for (int i = 0; i < v.length; i++) {
      along += v[i] * plain[i];
    }
    try {
      return Check.finiteDifferences(f.function().along(v), args, along);
    } catch (IllegalArgumentException e) {
      if (!String.valueOf(e.getMessage()).startsWith("shapes differ")) {
        throw e;
      }
      // The result's length depends on the inputs (new double[(int) x]) and changes within a
      // step: <v, f> is not a function there, so only the oracle's verdict stands.
      return new Outcome.Passed("output length changes within a step");
    }
  }

  private static double norm1(double[] a) {
    double sum = 0;
    for (double x : a) {
      sum += Math.abs(x);
    }
    return sum;
  }

  /**
   * {@code <v, J t>} against {@code <J^T v, t>}, relative to the sum of the absolute terms of
   * both sums (or to the entries' floor of {@link Check#close}, if that is larger). {@code J t} comes from its own forward run, not from the oracle's Jacobian, so
   * the layout of that Jacobian's columns (an array passed twice is one set of directions) is
   * checked here too.
   */
  private static Outcome dotProduct(Class<?> oracleClass, Fn entry, Object[] args, double[] v,
      double[] t, double[] jgrad) {
    double[] jt = Oracle.along(oracleClass, entry, Inputs.copy(args), t);
    double left = 0;
    double scale = 0;
    for (int i = 0; i < v.length; i++) {
      left += v[i] * jt[i];
      scale += Math.abs(v[i] * jt[i]);
    }
    double[] distinct = distinct(entry, args, jgrad);
    double right = 0;
    for (int j = 0; j < t.length; j++) {
      right += distinct[j] * t[j];
      scale += Math.abs(distinct[j] * t[j]);
    }
    // The floor of Check.close for each Jacobian entry, summed: a Jacobian at rounding level
    // (a product of near-zero slopes) gives 0 in one order of operations and 1e-59 in another.
    double floor = 1e-3 * norm1(v) * norm1(t);
    if (Math.abs(left - right) <= Check.GRADIENT_TOLERANCE * Math.max(scale, floor)) {
      return null;
    }
    return Check.failed(Failure.Kind.GRADIENT, "dot product", String.format(Locale.ROOT,
        "<v, J t> = %s from the oracle along t, <J^T v, t> = %s from jgrad; v = %s, t = %s",
        left, right, Arrays.toString(v), Arrays.toString(t)));
  }

  /** jgrad's components with the second parameter of an array passed twice left out. */
  private static double[] distinct(Fn entry, Object[] args, double[] jgrad) {
    List<Double> out = new ArrayList<>();
    int k = 0;
    for (int i = 0; i < args.length; i++) {
      if (!entry.differentiated().contains(entry.params().get(i))) {
        continue;
      }
      int size = Inputs.size(args[i]);
      boolean again = Oracle.sameArrayBefore(args, i) >= 0;
      for (int j = 0; j < size; j++, k++) {
        if (!again) {
          out.add(jgrad[k]);
        }
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** fPullback with upstream {@code UPSTREAM v} must add {@code UPSTREAM J^T v}. */
  private static Outcome pullback(VectorEntry f, Fn entry, Object[] args, double[] plain,
      double[] v, double[] jgrad) {
    List<Object> buffers = Check.buffers(entry, args);
    double[] upstream = v.clone();
    for (int i = 0; i < upstream.length; i++) {
      upstream[i] *= Check.UPSTREAM;
    }
    double[] value;
    try {
      value = f.pullback(Inputs.copy(args), upstream, buffers.toArray());
    } catch (RuntimeException | StackOverflowError e) {
      return Check.failed(Failure.Kind.CRASH, "pullback " + e.getClass().getSimpleName()
          + Check.where(e), "fPullback threw:\n" + Check.stackTrace(e));
    }
    if (!sameValues(plain, value)) {
      return Check.failed(Failure.Kind.PULLBACK, "value", "fPullback returns "
          + Arrays.toString(value) + ", the plain method " + Arrays.toString(plain));
    }
    return Check.added(buffers, jgrad, entry, args);
  }

  /** Same length, and each element {@link Check#sameValue}. */
  private static boolean sameValues(double[] expected, double[] actual) {
    if (actual == null || expected.length != actual.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (!Check.sameValue(expected[i], actual[i])) {
        return false;
      }
    }
    return true;
  }

  /** Components of size 0.5 to 1.5 with random signs: none negligible, none dominant. */
  private static double[] draw(SplittableRandom rnd, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = (rnd.nextBoolean() ? 1 : -1) * rnd.nextDouble(0.5, 1.5);
    }
    return out;
  }
}
