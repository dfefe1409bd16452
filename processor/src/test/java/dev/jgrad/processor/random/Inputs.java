package dev.jgrad.processor.random;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Draws arguments for a program's entry method, and copies them for each call. */
final class Inputs {
  /** Doubles are drawn uniformly from {@code [-SPAN, SPAN]}. */
  static final double SPAN = 1.5;
  /**
   * How often a second array parameter gets the same array as the first: jgrad allows it and
   * then gives both parameters the gradient with respect to the one array.
   */
  static final double ALIAS = 0.15;

  private Inputs() {}

  /** One argument per parameter of {@code entry}, boxed as for reflection. */
  static Object[] draw(Fn entry, SplittableRandom rnd) {
    List<Object> out = new ArrayList<>();
    for (Fn.Param p : entry.params()) {
      switch (p.ty()) {
        case DOUBLE -> out.add(value(rnd));
        case ARRAY -> {
          double[] a = new double[Generator.ARRAY_LENGTH];
          for (int i = 0; i < a.length; i++) {
            a[i] = value(rnd);
          }
          Object first = out.stream().filter(o -> o instanceof double[]).findFirst()
              .orElse(null);
          // Only with the default wrt: a read-only array must not be written through its alias.
          boolean alias = first != null && entry.wrt().isEmpty() && rnd.nextDouble() < ALIAS;
          out.add(alias ? first : a);
        }
        case INT -> out.add(
            Generator.N_RANGE.lo() + rnd.nextInt(Generator.N_RANGE.hi() - Generator.N_RANGE.lo()
                + 1));
        case BOOL -> out.add(rnd.nextBoolean());
        default -> throw new IllegalStateException();
      }
    }
    return out.toArray();
  }

  private static double value(SplittableRandom rnd) {
    return rnd.nextDouble(-SPAN, SPAN);
  }

  /**
   * A copy whose arrays are fresh, so that a call that writes into them changes nothing here. An
   * array passed twice is copied once, so the copy is aliased the same way.
   */
  static Object[] copy(Object[] args) {
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      int earlier = Oracle.sameArrayBefore(args, i);
      if (earlier >= 0) {
        out[i] = out[earlier];
      } else if (out[i] instanceof double[] a) {
        out[i] = a.clone();
      }
    }
    return out;
  }

  /** A copy with every double, alone or in an array, moved one ulp up (or down). */
  static Object[] nudged(Object[] args, boolean up) {
    Object[] out = copy(args);
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof Double d) {
        out[i] = up ? Math.nextUp(d) : Math.nextDown(d);
      } else if (out[i] instanceof double[] a && Oracle.sameArrayBefore(out, i) < 0) {
        for (int j = 0; j < a.length; j++) {
          a[j] = up ? Math.nextUp(a[j]) : Math.nextDown(a[j]);
        }
      }
    }
    return out;
  }

  /** Whether some array is passed for two parameters. */
  static boolean aliased(Object[] args) {
    for (int i = 0; i < args.length; i++) {
      if (Oracle.sameArrayBefore(args, i) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Java source text of the arguments, such as {@code 0.5, new double[] {1.0, 2.0}, 3}. */
  static String text(Object[] args) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      int earlier = Oracle.sameArrayBefore(args, i);
      if (earlier >= 0) {
        parts.add("(the same array as argument " + (earlier + 1) + ")");
      } else if (a instanceof double[] v) {
        List<String> elements = new ArrayList<>();
        for (double d : v) {
          elements.add(Double.toString(d));
        }
        parts.add("new double[] {" + String.join(", ", elements) + "}");
      } else {
        parts.add(String.valueOf(a));
      }
    }
    return String.join(", ", parts);
  }
}
