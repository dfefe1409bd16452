package dev.jgrad.runtime;

import java.util.Arrays;

/**
 * A last-in first-out stack of object references: the tape on which generated gradient code
 * records objects the backward pass needs, typically a copy of a {@code double[]} taken before the
 * forward pass overwrites the array in place.
 *
 * <p>Popping and clearing null the slots they free. Such snapshots can be large, and a slot above
 * the top that still pointed at one would keep it from being collected for as long as the stack
 * lives. The array starts small and doubles when full. It is not synchronized: each thread has
 * its own, in its {@link Workspace}.
 *
 * @param <T> the type of the recorded references
 */
public final class ReferenceStack<T> {
  private Object[] items;
  private int size;

  /** An empty stack with a small initial capacity. */
  public ReferenceStack() {
    this(Tape.DEFAULT_CAPACITY);
  }

  /**
   * An empty stack that holds {@code initialCapacity} references before it first grows.
   *
   * @throws IllegalArgumentException if {@code initialCapacity} is negative
   */
  public ReferenceStack(int initialCapacity) {
    items = new Object[Tape.initialCapacity(initialCapacity)];
  }

  /** Puts {@code x} on top; {@code null} is recorded like any other reference. */
  public void push(T x) {
    if (size == items.length) {
      items = Arrays.copyOf(items, Tape.grow(items.length, Tape.MAX_CAPACITY, "ReferenceStack"));
    }
    items[size++] = x;
  }

  /**
   * Removes and returns the top reference, and forgets it.
   *
   * @throws IllegalStateException if the stack is empty, which means generated code is wrong
   */
  public T pop() {
    if (size == 0) {
      throw Tape.underflow("pop", "ReferenceStack");
    }
    T top = at(--size);
    items[size] = null;
    return top;
  }

  /**
   * Returns the top reference without removing it.
   *
   * @throws IllegalStateException if the stack is empty, which means generated code is wrong
   */
  public T peek() {
    if (size == 0) {
      throw Tape.underflow("peek", "ReferenceStack");
    }
    return at(size - 1);
  }

  /** The number of references on the stack. */
  public int size() {
    return size;
  }

  /** Whether the stack holds no reference. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Removes and forgets every reference; the capacity is kept. */
  public void clear() {
    Arrays.fill(items, 0, size, null);
    size = 0;
  }

  /** The raw slot at {@code index}, even above the top, so tests can see freed slots are null. */
  Object slot(int index) {
    return items[index];
  }

  /** Every slot below {@code size} was filled by {@link #push}, which only accepts a {@code T}. */
  @SuppressWarnings("unchecked")
  private T at(int index) {
    return (T) items[index];
  }
}
