package dev.jgrad.runtime;

/**
 * Unpacks the {@code Object...} arguments of {@link DifferentiableFunction} calls, with errors
 * that name the parameter instead of a bare ClassCastException.
 */
public final class Args {
  private Args() {}

  /** Fails unless exactly {@code count} arguments were given. */
  public static void expect(Object[] args, int count, String function) {
    if (args.length != count) {
      throw new IllegalArgumentException(
          function + " takes " + count + " arguments, got " + args.length);
    }
  }

  /** A double parameter; any Number is accepted. */
  public static double real(Object[] args, int index, String name) {
    return as(Number.class, args, index, name, "a number").doubleValue();
  }

  /** An int parameter; an Integer (or another integral Number that fits). */
  public static int integer(Object[] args, int index, String name) {
    Number n = as(Number.class, args, index, name, "an int");
    if (n.doubleValue() != n.intValue()) {
      throw new IllegalArgumentException(name + " must be an int, got " + n);
    }
    return n.intValue();
  }

  public static boolean bool(Object[] args, int index, String name) {
    return as(Boolean.class, args, index, name, "a boolean");
  }

  public static double[] vector(Object[] args, int index, String name) {
    return as(double[].class, args, index, name, "a double[]");
  }

  public static double[][] matrix(Object[] args, int index, String name) {
    return as(double[][].class, args, index, name, "a double[][]");
  }

  public static int[] ints(Object[] args, int index, String name) {
    return as(int[].class, args, index, name, "an int[]");
  }

  /** The upstream array of a vector-Jacobian product of a {@code double[]}-valued method. */
  public static double[] vectorUpstream(Object upstream) {
    return as(double[].class, new Object[] {upstream}, 0, "upstream", "a double[]");
  }

  /** The upstream array of a vector-Jacobian product of a {@code double[][]}-valued method. */
  public static double[][] matrixUpstream(Object upstream) {
    return as(double[][].class, new Object[] {upstream}, 0, "upstream", "a double[][]");
  }

  private static <T> T as(Class<T> type, Object[] args, int index, String name, String what) {
    Object value = args[index];
    if (!type.isInstance(value)) {
      String got = value == null ? "null" : value.getClass().getSimpleName();
      throw new IllegalArgumentException(name + " must be " + what + ", got " + got);
    }
    return type.cast(value);
  }
}
