package dev.jgrad.processor.random;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the generator knows at one point of a method: the variables in scope with the facts that
 * keep programs safe (int ranges for loop bounds and indices, array lengths, which variables may
 * be written), the enclosing loops for break and continue, and counters for fresh names.
 */
final class Scope {
  /**
   * A variable in scope.
   *
   * @param range for an int, the values it can hold; for an int[], the values of its elements;
   *     null when unknown
   * @param length for an array, its length (rows for a matrix), or 0 when unknown (a helper's
   *     parameter; at least 2)
   * @param cols for a matrix, the length of its rows; else 0
   * @param mutable whether statements may assign it (not loop counters, guards, or read-only
   *     arrays)
   * @param indexes for a counter bounded by {@code arr.length}, that array; else null
   * @param fresh for a double[], whether it is an array the method created (not a parameter, a
   *     row or an alias of one), which is what an array-valued method may return
   */
  record Local(String name, Ty ty, IntRange range, int length, int cols, boolean mutable,
      String indexes, boolean fresh) {
    /** An assignable double, int or boolean with nothing known about its value. */
    static Local of(String name, Ty ty) {
      return new Local(name, ty, null, 0, 0, true, null, false);
    }

    /** A loop counter or guard: read-only, in {@code range}, or bounded by {@code indexes}. */
    static Local counter(String name, IntRange range, String indexes) {
      return new Local(name, Ty.INT, range, 0, 0, false, indexes, false);
    }

    /** A read-only double, such as the element of an enhanced for loop. */
    static Local element(String name) {
      return new Local(name, Ty.DOUBLE, null, 0, 0, false, null, false);
    }

    static Local array(String name, int length, boolean mutable, boolean fresh) {
      return new Local(name, Ty.ARRAY, null, length, 0, mutable, null, fresh);
    }

    /** An int[] of {@code length} elements, each in {@code values}. */
    static Local ints(String name, int length, IntRange values, boolean mutable) {
      return new Local(name, Ty.INTS, values, length, 0, mutable, null, false);
    }

    static Local matrix(String name, int rows, int cols, boolean mutable) {
      return new Local(name, Ty.MATRIX, null, rows, cols, mutable, null, false);
    }
  }

  /** The smallest array length the generator creates; helpers rely on it. */
  static final int MIN_LENGTH = 2;

  private final List<Local> locals = new ArrayList<>();
  private final List<String> loops = new ArrayList<>();
  private int names;

  /** A fresh name with the prefix; names are unique in a method, so nothing shadows. */
  String fresh(String prefix) {
    return prefix + names++;
  }

  void add(Local local) {
    locals.add(local);
  }

  /** The scope depth, to return to with {@link #leave}. */
  int mark() {
    return locals.size();
  }

  void leave(int mark) {
    while (locals.size() > mark) {
      locals.remove(locals.size() - 1);
    }
  }

  List<Local> find(Predicate<Local> test) {
    return locals.stream().filter(test).toList();
  }

  Local get(String name) {
    return locals.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
  }

  /** Enters a loop; {@code label} may be null. */
  void enterLoop(String label) {
    loops.add(label);
  }

  void leaveLoop() {
    loops.remove(loops.size() - 1);
  }

  boolean inLoop() {
    return !loops.isEmpty();
  }

  int loopDepth() {
    return loops.size();
  }

  /**
   * Enters a switch expression, which no jump may leave: the enclosing loops are out of reach
   * until {@link #restoreLoops}.
   */
  List<String> hideLoops() {
    List<String> outer = new ArrayList<>(loops);
    loops.clear();
    return outer;
  }

  void restoreLoops(List<String> outer) {
    loops.clear();
    loops.addAll(outer);
  }

  /** The labels of the enclosing loops that have one. */
  List<String> labels() {
    return loops.stream().filter(l -> l != null).toList();
  }
}
