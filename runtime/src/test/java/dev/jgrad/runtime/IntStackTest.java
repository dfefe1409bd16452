package dev.jgrad.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntStackTest {
  @Test
  void popsInReverseOrderOfPushes() {
    IntStack stack = new IntStack();
    stack.push(7);
    stack.push(Integer.MIN_VALUE);
    stack.push(0);
    assertEquals(0, stack.peek());
    assertEquals(0, stack.pop());
    assertEquals(Integer.MIN_VALUE, stack.pop());
    assertEquals(7, stack.pop());
    assertTrue(stack.isEmpty());
  }

  @Test
  void growsPastItsInitialCapacityWithoutLosingValues() {
    IntStack stack = new IntStack(1);
    for (int i = 0; i < 5000; i++) {
      stack.push(i * 3);
    }
    assertEquals(5000, stack.size());
    for (int i = 4999; i >= 0; i--) {
      assertEquals(i * 3, stack.pop());
    }
  }

  @Test
  void underflowSaysItIsAJgradBug() {
    IntStack stack = new IntStack(0);
    IllegalStateException e = assertThrows(IllegalStateException.class, stack::peek);
    assertTrue(e.getMessage().startsWith("tape underflow: peek on an empty IntStack"));
    assertTrue(e.getMessage().endsWith("this is a jgrad bug"));
    assertThrows(IllegalStateException.class, stack::pop);
  }

  @Test
  void clearEmptiesTheStack() {
    IntStack stack = new IntStack();
    stack.push(1);
    stack.push(2);
    stack.clear();
    assertEquals(0, stack.size());
    stack.push(9);
    assertEquals(9, stack.pop());
    assertTrue(stack.isEmpty());
  }

  @Test
  void aCursorSharesTheStackWithPushAndPop() {
    // Generated loops push and pop through a local array and top, between ordinary pushes.
    IntStack stack = new IntStack(2);
    stack.push(1);
    int[] items = stack.items();
    int top = stack.size();
    for (int i = 0; i < 100; i++) {
      items = stack.store(items, top++, i * 3);
    }
    stack.setSize(top);
    assertEquals(101, stack.size());
    assertEquals(99 * 3, stack.peek());
    stack.push(-7);
    assertEquals(-7, stack.pop());
    items = stack.items();
    top = stack.size();
    for (int i = 99; i >= 0; i--) {
      assertEquals(i * 3, items[--top]);
    }
    stack.setSize(top);
    assertEquals(1, stack.pop());
    assertTrue(stack.isEmpty());
  }

  @Test
  void aCursorOutsideTheArrayIsRefused() {
    IntStack stack = new IntStack(4);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> stack.setSize(-1));
    assertTrue(e.getMessage().endsWith("this is a jgrad bug"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> stack.setSize(stack.items().length + 1));
  }

  @Test
  void reservedRoomTakesStoresWithoutChecks() {
    IntStack stack = new IntStack(2);
    stack.push(1);
    int[] items = stack.items();
    int top = stack.size();
    items = stack.reserve(items, top, 500);
    assertTrue(items.length >= 501);
    assertTrue(items == stack.items());
    for (int i = 0; i < 500; i++) {
      items[top++] = i;
    }
    assertTrue(stack.reserve(items, top, 0) == items);
    assertTrue(stack.reserve(items, top, -5) == items);
    stack.setSize(top);
    assertEquals(499, stack.pop());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> stack.reserve(stack.items(), 1, Integer.MAX_VALUE));
    assertTrue(e.getMessage().startsWith("tape overflow"), e.getMessage());
  }
}
