package dev.jgrad.processor.random;

/** The values an int expression can take, both ends included. */
record IntRange(int lo, int hi) {
  IntRange {
    if (lo > hi) {
      throw new IllegalArgumentException(lo + " > " + hi);
    }
  }

  static IntRange of(int value) {
    return new IntRange(value, value);
  }

  boolean within(int min, int max) {
    return lo >= min && hi <= max;
  }

  IntRange plus(IntRange o) {
    return new IntRange(lo + o.lo, hi + o.hi);
  }

  IntRange minus(IntRange o) {
    return new IntRange(lo - o.hi, hi - o.lo);
  }
}
