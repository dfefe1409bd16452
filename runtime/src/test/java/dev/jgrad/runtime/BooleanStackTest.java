package dev.jgrad.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BooleanStackTest {
  @Test
  void popsInReverseOrderOfPushes() {
    BooleanStack stack = new BooleanStack();
    stack.push(true);
    stack.push(false);
    stack.push(true);
    assertTrue(stack.peek());
    assertTrue(stack.pop());
    assertFalse(stack.pop());
    assertTrue(stack.pop());
    assertTrue(stack.isEmpty());
  }

  @Test
  void keepsAnArbitraryPatternAcrossWordBoundariesAndGrowth() {
    boolean[] expected = new boolean[1000];
    SplittableRandom random = new SplittableRandom(42);
    BooleanStack stack = new BooleanStack(1);
    for (int i = 0; i < expected.length; i++) {
      expected[i] = random.nextBoolean();
      stack.push(expected[i]);
    }
    assertEquals(expected.length, stack.size());
    for (int i = expected.length - 1; i >= 0; i--) {
      assertEquals(expected[i], stack.pop(), "value " + i);
    }
  }

  @Test
  void pushingFalseOverAnOldTrueBitStoresFalse() {
    BooleanStack stack = new BooleanStack();
    for (int i = 0; i < 130; i++) {
      stack.push(true);
    }
    stack.clear();
    for (int i = 0; i < 130; i++) {
      stack.push(false);
    }
    for (int i = 0; i < 130; i++) {
      assertFalse(stack.pop(), "value " + i);
    }
  }

  @Test
  void underflowSaysItIsAJgradBug() {
    BooleanStack stack = new BooleanStack(0);
    IllegalStateException e = assertThrows(IllegalStateException.class, stack::pop);
    assertTrue(e.getMessage().startsWith("tape underflow: pop on an empty BooleanStack"));
    assertTrue(e.getMessage().endsWith("this is a jgrad bug"));
    assertThrows(IllegalStateException.class, stack::peek);
  }
}
