package dev.jgrad.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReferenceStackTest {
  @Test
  void popsInReverseOrderOfPushes() {
    ReferenceStack<double[]> stack = new ReferenceStack<>();
    double[] a = {1};
    double[] b = {2};
    stack.push(a);
    stack.push(null);
    stack.push(b);
    assertSame(b, stack.peek());
    assertSame(b, stack.pop());
    assertNull(stack.pop());
    assertSame(a, stack.pop());
    assertTrue(stack.isEmpty());
  }

  @Test
  void growsPastItsInitialCapacityWithoutLosingReferences() {
    ReferenceStack<String> stack = new ReferenceStack<>(0);
    for (int i = 0; i < 300; i++) {
      stack.push("s" + i);
    }
    assertEquals(300, stack.size());
    for (int i = 299; i >= 0; i--) {
      assertEquals("s" + i, stack.pop());
    }
  }

  @Test
  void popAndClearForgetTheReferencesSoTheyCanBeCollected() {
    ReferenceStack<double[]> stack = new ReferenceStack<>(4);
    stack.push(new double[10]);
    stack.push(new double[10]);
    stack.push(new double[10]);
    stack.pop();
    assertNull(stack.slot(2), "popped slot still holds its array");
    assertTrue(stack.slot(1) instanceof double[]);
    stack.clear();
    assertNull(stack.slot(0), "cleared slot still holds its array");
    assertNull(stack.slot(1), "cleared slot still holds its array");
  }

  @Test
  void underflowSaysItIsAJgradBug() {
    ReferenceStack<Object> stack = new ReferenceStack<>();
    IllegalStateException e = assertThrows(IllegalStateException.class, stack::pop);
    assertTrue(e.getMessage().startsWith("tape underflow: pop on an empty ReferenceStack"));
    assertTrue(e.getMessage().endsWith("this is a jgrad bug"));
    assertThrows(IllegalStateException.class, stack::peek);
  }
}
