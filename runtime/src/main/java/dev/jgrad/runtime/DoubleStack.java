package dev.jgrad.runtime;

import java.util.Arrays;

/**
 * A last-in first-out stack of {@code double} values: the tape on which generated gradient code
 * records the double values that the backward pass needs but the forward pass overwrites, such as
 * a variable before it is reassigned inside a loop, and reads them back in reverse order.
 *
 * <p>It stores primitives in a plain array, because boxing every recorded value would dominate the
 * cost of a gradient. The array starts small and doubles when full. It is not synchronized: each
 * generated call creates and owns its stacks, so no other thread ever sees them.
 */
public final class DoubleStack {
  private double[] items;
  private int size;

  /** An empty stack with a small initial capacity. */
  public DoubleStack() {
    this(Tape.DEFAULT_CAPACITY);
  }

  /**
   * An empty stack that holds {@code initialCapacity} values before it first grows; generated code
   * passes a loop's trip count here when it knows it, to skip the intermediate copies.
   *
   * @throws IllegalArgumentException if {@code initialCapacity} is negative
   */
  public DoubleStack(int initialCapacity) {
    items = new double[Tape.initialCapacity(initialCapacity)];
  }

  /** Puts {@code x} on top. */
  public void push(double x) {
    if (size == items.length) {
      items = Arrays.copyOf(items, Tape.grow(items.length, Tape.MAX_CAPACITY, "DoubleStack"));
    }
    items[size++] = x;
  }

  /**
   * Removes and returns the top value.
   *
   * @throws IllegalStateException if the stack is empty, which means generated code is wrong
   */
  public double pop() {
    if (size == 0) {
      throw Tape.underflow("pop", "DoubleStack");
    }
    return items[--size];
  }

  /**
   * Returns the top value without removing it.
   *
   * @throws IllegalStateException if the stack is empty, which means generated code is wrong
   */
  public double peek() {
    if (size == 0) {
      throw Tape.underflow("peek", "DoubleStack");
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
