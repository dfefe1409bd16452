package dev.jgrad.runtime;

import java.util.List;

/**
 * The checker's handling of a whole argument list: checking its length and copying it.
 *
 * <p>Checked methods may write into their array arguments. Every call the checker makes therefore
 * gets its own deep copy, so that the caller's arrays are never modified and every finite
 * difference starts from exactly the inputs the gradient was computed at.
 */
final class Arguments {
  private Arguments() {}

  /** Throws an exception naming the missing or extra parameters unless there is one per name. */
  static void requireCount(String function, List<String> parameters, Object[] args) {
    if (args.length == parameters.size()) {
      return;
    }
    String problem =
        args.length < parameters.size()
            ? "missing " + String.join(", ", parameters.subList(args.length, parameters.size()))
            : (args.length - parameters.size()) + " more than its parameters";
    // check(f, m) with one double[][] m passes m's rows as the varargs array.
    boolean spread = parameters.size() == 1 && args.length > 1
        && java.util.Arrays.stream(args).allMatch(a -> a instanceof double[]);
    throw new IllegalArgumentException(
        function
            + " takes "
            + parameters.size()
            + (parameters.size() == 1 ? " argument " : " arguments ")
            + parameters
            + " but got "
            + args.length
            + ": "
            + problem
            + (spread ? "; to pass a single double[][] m, write (Object) m" : ""));
  }

  /** A copy of {@code args} in which every array, at every depth, is a fresh copy. */
  static Object[] copy(Object[] args) {
    Object[] copy = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      copy[i] = copyOf(args[i]);
    }
    return copy;
  }

  /**
   * A deep copy of one argument if it is an array; boxed numbers, strings and other objects are
   * shared, as the checker cannot copy them without reflection and they are usually immutable.
   */
  static Object copyOf(Object arg) {
    if (arg instanceof double[] array) {
      return array.clone();
    }
    if (arg instanceof int[] array) {
      return array.clone();
    }
    if (arg instanceof boolean[] array) {
      return array.clone();
    }
    if (arg instanceof long[] array) {
      return array.clone();
    }
    if (arg instanceof Object[] array) {
      // clone() keeps the runtime type (a double[][] stays a double[][]), so the copied rows fit.
      Object[] copy = array.clone();
      for (int i = 0; i < copy.length; i++) {
        copy[i] = copyOf(copy[i]);
      }
      return copy;
    }
    return arg;
  }

  /** A short description of an argument or gradient's type and size, for messages. */
  static String describe(Object value) {
    if (value instanceof double[] vector) {
      return "a double[" + vector.length + "]";
    }
    if (value instanceof double[][] rows) {
      int width = rows.length == 0 || rows[0] == null ? -1 : rows[0].length;
      boolean ragged = false;
      for (double[] row : rows) {
        ragged |= row == null || row.length != width;
      }
      String columns = rows.length == 0 || ragged ? "" : String.valueOf(width);
      return "a double[" + rows.length + "][" + columns + "]" + (ragged ? " with ragged rows" : "");
    }
    if (value == null) {
      return "null";
    }
    String type = value.getClass().getSimpleName();
    return value instanceof Number || value instanceof Boolean ? type + " " + value : type;
  }
}
