package dev.jgrad.runtime;

/**
 * What the four tape stacks share: their starting size, how they grow, and how they fail.
 *
 * <p>Kept in one place so that every stack reports an underflow with the same wording: an underflow
 * can only come from generated code whose reverse pass pops more than its forward pass pushed, so
 * the message tells the user to report it rather than to look for a mistake of their own.
 */
final class Tape {
  /** Small, because most generated calls record only a few values; doubling makes up for it. */
  static final int DEFAULT_CAPACITY = 16;

  /** Some JVMs refuse arrays within a few elements of {@code Integer.MAX_VALUE}. */
  static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  private Tape() {}

  /** Checks a constructor argument; zero is allowed and simply grows on the first push. */
  static int initialCapacity(int requested) {
    if (requested < 0) {
      throw new IllegalArgumentException("initial capacity must not be negative: " + requested);
    }
    return requested;
  }

  /**
   * The next array length after {@code current}: double it, so that n pushes cost O(n) copying in
   * total, but never beyond {@code max}.
   */
  static int grow(int current, int max, String stack) {
    if (current >= max) {
      throw new IllegalStateException(
          "tape overflow: " + stack + " cannot hold more than its " + current + " slots");
    }
    return (int) Math.min(max, Math.max(DEFAULT_CAPACITY, 2L * current));
  }

  /** The exception for {@code pop} or {@code peek} on an empty stack. */
  static IllegalStateException underflow(String operation, String stack) {
    return new IllegalStateException(
        "tape underflow: "
            + operation
            + " on an empty "
            + stack
            + "; the reverse pass read more than the forward pass recorded, this is a jgrad bug");
  }
}
