package dev.jgrad.processor.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.hipparchus.analysis.differentiation.Gradient;
import org.junit.jupiter.api.Test;

/** The oracle's operations where they differ from plain Hipparchus, and its decision watch. */
class RandomOracleTest {
  private static Gradient x(double value) {
    return Gradient.variable(1, 0, value);
  }

  @Test
  void remainderIsJavasTruncatedOne() {
    OracleOps.begin(new double[] {1e-6});
    Gradient r = OracleOps.rem(x(-7.5), OracleOps.k(2.0));
    assertEquals(-7.5 % 2.0, r.getValue());
    assertEquals(1.0, r.getPartialDerivative(0));
    // d(a % b)/db = -trunc(a / b) = 3 for a = -7.5, b = 2.
    Gradient byDivisor = OracleOps.rem(OracleOps.k(-7.5), x(2.0));
    assertEquals(3.0, byDivisor.getPartialDerivative(0));
  }

  @Test
  void powWithAConstantExponentAcceptsANegativeBase() {
    OracleOps.begin(new double[] {1e-6});
    Gradient p = OracleOps.pow(x(-2.0), OracleOps.k(3.0));
    assertEquals(-8.0, p.getValue());
    assertEquals(12.0, p.getPartialDerivative(0));
  }

  @Test
  void decisionsNearTheirBoundaryAreReported() {
    OracleOps.begin(new double[] {1e-6});
    OracleOps.lt(x(1.0), OracleOps.k(1.5));
    assertNull(OracleOps.violation());
    OracleOps.lt(x(1.0), OracleOps.k(1.0 + 1e-7));
    assertNotNull(OracleOps.violation());
    OracleOps.begin(new double[] {1e-6});
    OracleOps.toInt(x(2.0 + 1e-8));
    assertNotNull(OracleOps.violation());
  }

  @Test
  void structuralTiesAreAccepted() {
    // x < x and (int) of an exact integer: no step can move them.
    OracleOps.begin(new double[] {1e-6});
    OracleOps.lt(x(0.7), x(0.7));
    OracleOps.toInt(OracleOps.floor(x(0.7)));
    assertNull(OracleOps.violation());
    assertArrayEquals(new double[] {0.0},
        OracleOps.max(x(0.7), x(0.7)).subtract(x(0.7)).getGradient());
  }
}
