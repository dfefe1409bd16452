package dev.jgrad.runtime;

import java.util.Arrays;

/**
 * A last-in first-out stack of {@code int} values: the tape on which generated gradient code
 * records loop trip counts, the branch taken at each {@code if}, and int variables before they are
 * reassigned, and reads them back in reverse order.
 *
 * <p>It stores primitives in a plain array, because boxing every recorded value would dominate the
 * cost of a gradient. The array starts small and doubles when full. It is not synchronized: each
 * thread has its own, in its {@link Workspace}.
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

  /**
   * The array behind the stack, for a generated loop that pushes and pops through a local cursor
   * rather than through {@link #push} and {@link #pop}: the stack holds {@code items()[0]} to
   * {@code items()[size() - 1]}. Keeping the top in a local lets the JIT keep it in a register,
   * where {@code push} must load and store the field every time. The loop hands its cursor back
   * with {@link #setSize}, and calls nothing that could use the stack meanwhile.
   */
  public int[] items() {
    return items;
  }

  /**
   * Stores {@code x} at {@code items[top]} for a loop working through a cursor, growing the
   * array first when {@code top} is its length, and returns the array to use from then on.
   *
   * @param items the array the loop works on: {@link #items()} or the last array this returned
   */
  public int[] store(int[] items, int top, int x) {
    int[] out = top < items.length ? items : grown(items);
    out[top] = x;
    return out;
  }

  private int[] grown(int[] items) {
    int[] out = Arrays.copyOf(items, Tape.grow(items.length, Tape.MAX_CAPACITY, "IntStack"));
    this.items = out;
    return out;
  }

  /**
   * Makes room for {@code count} more values above {@code top}, for a loop that knows how many
   * it will push and then stores them without checking; returns the array to use from then on.
   * A count of zero or less asks for nothing.
   *
   * @throws IllegalStateException if the stack cannot grow that far
   */
  public int[] reserve(int[] items, int top, long count) {
    if (count <= items.length - top) {
      return items;
    }
    long needed = top + count;
    if (needed > Tape.MAX_CAPACITY) {
      throw new IllegalStateException(
          "tape overflow: IntStack cannot hold " + needed + " values");
    }
    int[] out = Arrays.copyOf(items, (int) Math.min(Tape.MAX_CAPACITY,
        Math.max(needed, 2L * items.length)));
    this.items = out;
    return out;
  }

  /**
   * Takes back the top of a loop that pushed and popped through a cursor.
   *
   * @throws IllegalStateException if {@code size} is negative or beyond the array, which means
   *     generated code is wrong
   */
  public void setSize(int size) {
    if (size < 0 || size > items.length) {
      throw new IllegalStateException("tape cursor out of range: " + size + " in a IntStack of "
          + items.length + " slots; this is a jgrad bug");
    }
    this.size = size;
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
