package dev.jgrad.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Which components a sampled check evaluates, observed through the function itself. */
class GradientCheckSamplingTest {
  private static final double[] W = new double[1000];

  static {
    for (int i = 0; i < W.length; i++) {
      W[i] = Math.sin(i);
    }
  }

  /** Runs a check of sum(w_i^2) and returns the index perturbed in each evaluation, in order. */
  private static List<Integer> perturbed(GradientCheck.Options options) {
    List<Integer> indices = new ArrayList<>();
    DifferentiableFunction squares =
        new HandWritten(
            "Test.squares",
            List.of("w"),
            List.of("w"),
            args -> {
              double[] w = (double[]) args[0];
              double sum = 0;
              for (int i = 0; i < w.length; i++) {
                sum += w[i] * w[i];
                if (w[i] != W[i]) {
                  indices.add(i);
                }
              }
              return sum;
            },
            args -> {
              double[] w = (double[]) args[0];
              double[] dw = new double[w.length];
              for (int i = 0; i < w.length; i++) {
                dw[i] = 2 * w[i];
              }
              return Map.of("w", dw);
            });
    GradientReport report = options.check(squares, (Object) W.clone());
    assertEquals(indices.size() / 2, report.componentsChecked());
    return indices;
  }

  @Test
  void theSameSeedChecksTheSameComponents() {
    List<Integer> first = perturbed(GradientCheck.options().sample(7, 42));
    List<Integer> second = perturbed(GradientCheck.options().sample(7, 42));
    assertEquals(first, second);
    assertEquals(7, new TreeSet<>(first).size(), "7 distinct components, each evaluated twice");
    assertEquals(14, first.size());
  }

  @Test
  void anotherSeedChecksOtherComponents() {
    assertNotEquals(
        perturbed(GradientCheck.options().sample(7, 42)),
        perturbed(GradientCheck.options().sample(7, 43)));
  }

  @Test
  void samplesSpreadOverTheWholeArray() {
    TreeSet<Integer> picked = new TreeSet<>(perturbed(GradientCheck.options().sample(50, 1)));
    assertEquals(50, picked.size());
    // A uniform sample of 50 from 1000 all in one half has probability about 2^-49.
    assertTrue(picked.first() < 500 && picked.last() >= 500, picked.toString());
  }

  @Test
  void aSampleLargerThanTheArrayChecksEverything() {
    assertEquals(2000, perturbed(GradientCheck.options().sample(5000, 1)).size());
  }

  @Test
  void optionsAreImmutableAndValidated() {
    GradientCheck.Options sampled = GradientCheck.options().sample(3, 9);
    assertEquals(0, GradientCheck.options().sample, "defaults changed by a builder call");
    assertEquals(3, sampled.step(1e-3).sample);
    assertEquals(GradientCheck.DEFAULT_STEP, sampled.step);
    assertThrows(IllegalArgumentException.class, () -> GradientCheck.options().sample(0, 1));
    assertThrows(IllegalArgumentException.class, () -> GradientCheck.options().step(0));
    assertThrows(IllegalArgumentException.class, () -> GradientCheck.options().step(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> GradientCheck.options().absoluteBelow(-1));
  }
}
