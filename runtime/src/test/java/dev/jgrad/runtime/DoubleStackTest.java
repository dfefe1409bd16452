package dev.jgrad.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DoubleStackTest {
  @Test
  void popsInReverseOrderOfPushes() {
    DoubleStack stack = new DoubleStack();
    stack.push(1.5);
    stack.push(-2.0);
    stack.push(Double.NaN);
    assertEquals(3, stack.size());
    assertTrue(Double.isNaN(stack.pop()));
    assertEquals(-2.0, stack.peek());
    assertEquals(-2.0, stack.pop());
    assertEquals(1.5, stack.pop());
    assertTrue(stack.isEmpty());
  }

  @Test
  void growsPastItsInitialCapacityWithoutLosingValues() {
    for (int initial : new int[] {0, 1, 3}) {
      DoubleStack stack = new DoubleStack(initial);
      for (int i = 0; i < 1000; i++) {
        stack.push(i * 0.5);
      }
      assertEquals(1000, stack.size());
      for (int i = 999; i >= 0; i--) {
        assertEquals(i * 0.5, stack.pop(), "initial capacity " + initial);
      }
    }
  }

  @Test
  void underflowSaysItIsAJgradBug() {
    DoubleStack stack = new DoubleStack();
    stack.push(1);
    stack.pop();
    IllegalStateException e = assertThrows(IllegalStateException.class, stack::pop);
    assertTrue(e.getMessage().startsWith("tape underflow: pop on an empty DoubleStack"));
    assertTrue(e.getMessage().endsWith("this is a jgrad bug"), e.getMessage());
    assertThrows(IllegalStateException.class, stack::peek);
  }

  @Test
  void clearEmptiesAndTheStackIsReusable() {
    DoubleStack stack = new DoubleStack(2);
    stack.push(1);
    stack.push(2);
    stack.push(3);
    stack.clear();
    assertTrue(stack.isEmpty());
    assertThrows(IllegalStateException.class, stack::pop);
    stack.push(4);
    assertFalse(stack.isEmpty());
    assertEquals(4, stack.pop());
  }

  @Test
  void rejectsNegativeCapacity() {
    assertThrows(IllegalArgumentException.class, () -> new DoubleStack(-1));
  }

  @Test
  void aCursorSharesTheStackWithPushAndPop() {
    // Generated loops push and pop through a local array and top, between ordinary pushes.
    DoubleStack stack = new DoubleStack(2);
    stack.push(1.0);
    double[] items = stack.items();
    int top = stack.size();
    for (int i = 0; i < 100; i++) {
      items = stack.store(items, top++, i * 0.5);
    }
    stack.setSize(top);
    assertEquals(101, stack.size());
    assertEquals(99 * 0.5, stack.peek());
    stack.push(-7.0);
    assertEquals(-7.0, stack.pop());
    items = stack.items();
    top = stack.size();
    for (int i = 99; i >= 0; i--) {
      assertEquals(i * 0.5, items[--top]);
    }
    stack.setSize(top);
    assertEquals(1.0, stack.pop());
    assertTrue(stack.isEmpty());
  }

  @Test
  void aCursorOutsideTheArrayIsRefused() {
    DoubleStack stack = new DoubleStack(4);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> stack.setSize(-1));
    assertTrue(e.getMessage().endsWith("this is a jgrad bug"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> stack.setSize(stack.items().length + 1));
  }

  @Test
  void reservedRoomTakesStoresWithoutChecks() {
    DoubleStack stack = new DoubleStack(2);
    stack.push(1.0);
    double[] items = stack.items();
    int top = stack.size();
    items = stack.reserve(items, top, 500);
    assertTrue(items.length >= 501);
    assertTrue(items == stack.items());
    for (int i = 0; i < 500; i++) {
      items[top++] = (double) i;
    }
    assertTrue(stack.reserve(items, top, 0) == items);
    assertTrue(stack.reserve(items, top, -5) == items);
    stack.setSize(top);
    assertEquals((double) 499, stack.pop());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> stack.reserve(stack.items(), 1, Integer.MAX_VALUE));
    assertTrue(e.getMessage().startsWith("tape overflow"), e.getMessage());
  }
}
