package dev.jgrad.processor.random;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

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
        case INTS -> {
          int[] idx = new int[Generator.INDEX_LENGTH];
          for (int i = 0; i < idx.length; i++) {
            idx[i] = Generator.INDEX_VALUES.lo()
                + rnd.nextInt(Generator.INDEX_VALUES.hi() - Generator.INDEX_VALUES.lo() + 1);
          }
          out.add(idx);
        }
        case MATRIX -> {
          double[][] m = new double[Generator.MATRIX_ROWS][Generator.MATRIX_COLS];
          for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
              row[j] = value(rnd);
            }
          }
          out.add(m);
        }
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
      } else if (out[i] instanceof int[] a) {
        out[i] = a.clone();
      } else if (out[i] instanceof double[][] m) {
        double[][] rows = m.clone();
        for (int r = 0; r < rows.length; r++) {
          rows[r] = m[r].clone();
        }
        out[i] = rows;
      }
    }
    return out;
  }

  /** How many doubles an argument holds: 1, an array's length, or a matrix's elements. */
  static int size(Object arg) {
    if (arg instanceof double[] a) {
      return a.length;
    }
    if (arg instanceof double[][] m) {
      return Arrays.stream(m).mapToInt(row -> row.length).sum();
    }
    return 1;
  }

  /** The doubles of a double, array or matrix argument, row by row. */
  static double[] flat(Object arg) {
    if (arg instanceof double[] a) {
      return a;
    }
    if (arg instanceof double[][] m) {
      return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
    }
    return new double[] {(Double) arg};
  }

  /** A copy with every double, alone or in an array, moved one ulp up (or down). */
  static Object[] nudged(Object[] args, boolean up) {
    Object[] out = copy(args);
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof Double d) {
        out[i] = up ? Math.nextUp(d) : Math.nextDown(d);
      } else if (out[i] instanceof double[] a && Oracle.sameArrayBefore(out, i) < 0) {
        nudge(a, up);
      } else if (out[i] instanceof double[][] m) {
        for (double[] row : m) {
          nudge(row, up);
        }
      }
    }
    return out;
  }

  private static void nudge(double[] a, boolean up) {
    for (int j = 0; j < a.length; j++) {
      a[j] = up ? Math.nextUp(a[j]) : Math.nextDown(a[j]);
    }
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
        parts.add("new double[] " + elements(v));
      } else if (a instanceof int[] v) {
        parts.add("new int[] " + Arrays.toString(v).replace('[', '{').replace(']', '}'));
      } else if (a instanceof double[][] m) {
        parts.add("new double[][] {" + Arrays.stream(m).map(Inputs::elements)
            .collect(Collectors.joining(", ")) + "}");
      } else {
        parts.add(String.valueOf(a));
      }
    }
    return String.join(", ", parts);
  }

  private static String elements(double[] v) {
    List<String> elements = new ArrayList<>();
    for (double d : v) {
      elements.add(Double.toString(d));
    }
    return "{" + String.join(", ", elements) + "}";
  }
}
