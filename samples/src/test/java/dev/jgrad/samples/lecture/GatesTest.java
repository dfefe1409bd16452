package dev.jgrad.samples.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.runtime.GradientCheck;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatesTest {
  @Test
  void lecturePoint() {
    // Small integers: every step is exact in floating point, so the numbers must be exact too.
    GatesGrad.F g = GatesGrad.f(-2, 5, -4);
    assertEquals(-12.0, g.value(), 0.0);
    assertEquals(-4.0, g.dX(), 0.0);
    assertEquals(-4.0, g.dY(), 0.0);
    assertEquals(3.0, g.dZ(), 0.0);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void closedFormAtRandomPoints(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double x = random.nextDouble(-10, 10);
    double y = random.nextDouble(-10, 10);
    double z = random.nextDouble(-10, 10);
    GatesGrad.F g = GatesGrad.f(x, y, z);
    // The add gate copies z to both inputs; the multiply gate swaps its inputs.
    assertEquals((x + y) * z, g.value(), 0.0);
    assertEquals(z, g.dX(), 0.0);
    assertEquals(z, g.dY(), 0.0);
    assertEquals(x + y, g.dZ(), 0.0);
    GradientCheck.check(GatesGrad.fFunction(), x, y, z).assertBelow(1e-8);
  }

  @Test
  void pullbackAddsIntoBuffersScaledByUpstream() {
    double[] dx = {100.0};
    double[] dy = {0.0};
    double[] dz = {-1.0};
    double value = GatesGrad.fPullback(-2, 5, -4, 0.5, dx, dy, dz);
    assertEquals(-12.0, value, 0.0);
    assertEquals(100.0 - 2.0, dx[0], 0.0);
    assertEquals(-2.0, dy[0], 0.0);
    assertEquals(-1.0 + 1.5, dz[0], 0.0);
  }
}
