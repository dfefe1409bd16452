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
}
