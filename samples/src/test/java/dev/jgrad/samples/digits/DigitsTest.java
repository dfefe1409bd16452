package dev.jgrad.samples.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigitsTest {
  @Test
  void loadsEveryImageWithLabelsZeroToNine() {
    Digits.Examples all = Digits.load();
    assertEquals(1797, all.size());
    int[] perClass = new int[Digits.CLASSES];
    for (int i = 0; i < all.size(); i++) {
      assertEquals(Digits.PIXELS, all.x()[i].length);
      for (double pixel : all.x()[i]) {
        assertTrue(pixel >= 0.0 && pixel <= 1.0, "pixel " + pixel + " in row " + i);
      }
      perClass[all.y()[i]]++;
    }
    // Every digit is present, in roughly equal numbers (about 180 each).
    for (int digit = 0; digit < Digits.CLASSES; digit++) {
      assertTrue(perClass[digit] > 150, digit + " occurs " + perClass[digit] + " times");
    }
  }

  @Test
  void splitIsDeterministicAndPartitionsTheImages() {
    Digits.Split a = Digits.split(0.2, 99);
    Digits.Split b = Digits.split(0.2, 99);
    assertEquals(359, a.test().size());
    assertEquals(1797 - 359, a.train().size());
    assertSameExamples(a.train(), b.train());
    assertSameExamples(a.test(), b.test());

    // Rows are shared with the loaded set, so identity tells whether an image is in both parts.
    Set<double[]> trainRows = Collections.newSetFromMap(new IdentityHashMap<>());
    Collections.addAll(trainRows, a.train().x());
    for (double[] row : a.test().x()) {
      assertFalse(trainRows.contains(row), "an image is in both the training and the test set");
    }
  }

  @Test
  void anotherSeedShufflesDifferently() {
    int[] first = Digits.split(0.2, 1).test().y();
    int[] second = Digits.split(0.2, 2).test().y();
    assertFalse(Arrays.equals(first, second));
  }

  private static void assertSameExamples(Digits.Examples expected, Digits.Examples actual) {
    assertArrayEquals(expected.y(), actual.y());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.x()[i], actual.x()[i], 0.0);
    }
  }
}
