package dev.jgrad.runtime;

import java.util.Arrays;

/**
 * A last-in first-out stack of {@code boolean} values: the tape on which generated gradient code
 * records the outcome of each condition in the forward pass (which branch of an {@code if}, whether
 * a loop ran again), to replay the same path in reverse in the backward pass.
 *
 * <p>Each value takes one bit of a {@code long[]}: loops can record a condition per iteration, and
 * bits use an eighth of the memory of a {@code boolean[]} for a shift and a mask per operation. The
 * array starts small and doubles when full. It is not synchronized: each thread has its own, in
 * its {@link Workspace}. (A loop that works through cursors records its branches on the
 * {@link IntStack} instead, one int each, to keep them in a local.)
 */
public final class BooleanStack {
  /** Keeps the bit count within an int: that many words hold just under 2^31 bits. */
  private static final int MAX_WORDS = (Integer.MAX_VALUE >>> 6);

  private long[] words;
  private int size;

  /** An empty stack with a small initial capacity. */
  public BooleanStack() {
    this(Tape.DEFAULT_CAPACITY * 64);
  }

  /**
   * An empty stack that holds {@code initialCapacity} values before it first grows.
   *
   * @throws IllegalArgumentException if {@code initialCapacity} is negative
   */
  public BooleanStack(int initialCapacity) {
    words = new long[(int) ((Tape.initialCapacity(initialCapacity) + 63L) >>> 6)];
  }

  /** Puts {@code x} on top. */
  public void push(boolean x) {
    int word = size >>> 6;
    if (word == words.length) {
      words = Arrays.copyOf(words, Tape.grow(words.length, MAX_WORDS, "BooleanStack"));
    }
    long bit = 1L << size; // shifts of a long use the low six bits only
    if (x) {
      words[word] |= bit;
    } else {
      words[word] &= ~bit;
    }
    size++;
  }

  /**
   * Removes and returns the top value.
   *
   * @throws IllegalStateException if the stack is empty, which means generated code is wrong
   */
  public boolean pop() {
    if (size == 0) {
      throw Tape.underflow("pop", "BooleanStack");
    }
    size--;
    return (words[size >>> 6] & (1L << size)) != 0;
  }

  /**
   * Returns the top value without removing it.
   *
   * @throws IllegalStateException if the stack is empty, which means generated code is wrong
   */
  public boolean peek() {
    if (size == 0) {
      throw Tape.underflow("peek", "BooleanStack");
    }
    int top = size - 1;
    return (words[top >>> 6] & (1L << top)) != 0;
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
