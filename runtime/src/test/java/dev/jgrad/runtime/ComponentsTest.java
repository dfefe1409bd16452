package dev.jgrad.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Flat numbering of components, deep copies, and the error measure. */
class ComponentsTest {
  @Test
  void numbersRaggedRowsInRowMajorOrderSkippingEmptyRows() {
    double[][] w = {{}, {10}, {}, {}, {20, 30}, {}};
    Components components = Components.of("W", w);
    assertEquals(3, components.size());
    assertEquals("W[1][0]", components.name(0));
    assertEquals("W[4][0]", components.name(1));
    assertEquals("W[4][1]", components.name(2));
    assertEquals(30, components.get(w, 2));
    components.set(w, 1, -1);
    assertEquals(-1, w[4][0]);
  }

  @Test
  void aScalarIsOneComponentNamedByItsParameter() {
    Components components = Components.of("x", 2.5);
    assertEquals(1, components.size());
    assertEquals("x", components.name(0));
    assertEquals(2.5, components.get(2.5, 0));
    assertEquals(4.0, components.set(2.5, 0, 4.0));
  }

  @Test
  void copiesArraysAtEveryDepthAndSharesTheRest() {
    double[][] matrix = {{1, 2}, {3}};
    int[] ints = {4, 5};
    String label = "label";
    Object[] args = {matrix, ints, label, 1.5};
    Object[] copy = Arguments.copy(args);
    assertNotSame(matrix, copy[0]);
    assertNotSame(matrix[0], ((double[][]) copy[0])[0]);
    assertArrayEquals(matrix, (double[][]) copy[0]);
    assertNotSame(ints, copy[1]);
    assertArrayEquals(ints, (int[]) copy[1]);
    assertSame(label, copy[2]);
    assertEquals(1.5, copy[3]);
  }

  @Test
  void errorIsRelativeAboveTheFloorAndAbsoluteBelowIt() {
    assertEquals(0.5, RelativeError.between(2, 1, 1e-8));
    assertEquals(0.5, RelativeError.between(-1, -2, 1e-8));
    assertEquals(1e-12, RelativeError.between(1e-12, 2e-12, 1e-8), 1e-25);
    assertEquals(0.5, RelativeError.between(1e-12, 2e-12, 0), 1e-15);
    assertEquals(0, RelativeError.between(0, 0, 0));
  }

  @Test
  void nanAndMismatchedInfinitiesAreInfiniteErrors() {
    double inf = Double.POSITIVE_INFINITY;
    assertEquals(inf, RelativeError.between(Double.NaN, 1, 1e-8));
    assertEquals(inf, RelativeError.between(0, Double.NaN, 1e-8));
    assertEquals(inf, RelativeError.between(Double.NaN, Double.NaN, 1e-8));
    assertEquals(inf, RelativeError.between(inf, 1, 1e-8));
    assertEquals(inf, RelativeError.between(inf, -inf, 1e-8));
    assertEquals(0, RelativeError.between(inf, inf, 1e-8));
  }
}
