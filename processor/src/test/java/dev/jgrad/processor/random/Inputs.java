package dev.jgrad.processor.random;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Draws arguments for a program's entry method, and copies them for each call. */
final class Inputs {
  /** Doubles are drawn uniformly from {@code [-SPAN, SPAN]}. */
  static final double SPAN = 1.5;

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
          out.add(a);
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

  /** A copy whose arrays are fresh, so that a call that writes into them changes nothing here. */
  static Object[] copy(Object[] args) {
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof double[] a) {
        out[i] = a.clone();
      }
    }
    return out;
  }

  /** Java source text of the arguments, such as {@code 0.5, new double[] {1.0, 2.0}, 3}. */
  static String text(Object[] args) {
    List<String> parts = new ArrayList<>();
    for (Object a : args) {
      if (a instanceof double[] v) {
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
