package dev.jgrad.runtime;

import java.util.Arrays;

/**
 * A last-in first-out stack of {@code int} values: the tape on which generated gradient code
 * records loop trip counts, the branch taken at each {@code if}, and int variables before they are
 * reassigned, and reads them back in reverse order.
 *
 * <p>It stores primitives in a plain array, because boxing every recorded value would dominate the
 * cost of a gradient. The array starts small and doubles when full. It is not synchronized: each
 * generated call creates and owns its stacks, so no other thread ever sees them.
 */
public final class IntStack {
  private int[] items;
  private int size;

  /** An empty stack with a small initial capacity. */
  public IntStack() {
    this(Tape.DEFAULT_CAPACITY);
  }

  /**
   * An empty stack that holds {@code initialCapacity} values before it first grows; generated code
   * passes a loop's trip count here when it knows it, to skip the intermediate copies.
   *
   * @throws IllegalArgumentException if {@code initialCapacity} is negative
   */
  public IntStack(int initialCapacity) {
    items = new int[Tape.initialCapacity(initialCapacity)];
  }

  /** Puts {@code x} on top. */
  public void push(int x) {
    if (size == items.length) {
      items = Arrays.copyOf(items, Tape.grow(items.length, Tape.MAX_CAPACITY, "IntStack"));
    }
    items[size++] = x;
  }

  /**
   * Removes and returns the top value.
   *
   * @throws IllegalStateException if the stack is empty, which means generated code is wrong
   */
  public int pop() {
    if (size == 0) {
      throw Tape.underflow("pop", "IntStack");
    }
    return items[--size];
  }

  /**
   * Returns the top value without removing it.
   *
   * @throws IllegalStateException if the stack is empty, which means generated code is wrong
   */
  public int peek() {
    if (size == 0) {
      throw Tape.underflow("peek", "IntStack");
    }
    return items[size - 1];
  }

  /** The number of values on the stack. */
  public int size() {
    return size;
  }

  /** Whether the stack holds no value. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Removes every value; the capacity is kept, so a reused stack does not grow again. */
  public void clear() {
    size = 0;
  }
}
