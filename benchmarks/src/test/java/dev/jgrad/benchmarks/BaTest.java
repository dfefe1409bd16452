package dev.jgrad.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.runtime.GradientCheck;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BA against ADBench's published numbers, with ADBench's tolerances. */
class BaTest {
  private static final double UPSTREAM_TOLERANCE = 1e-8;
  /** ADBench's tolerance for its finite-difference module on BA. */
  private static final double FINITE_TOLERANCE = 1e-6;
  private static final BaInput TEST = BaInput.read("test.txt");
  private static final double[] JACOBIAN = DataFile.numbers("ba/test.expected-J-vals.txt");

  @Test
  void residualsMatchAdbench() {
    double[] err = new double[3 * TEST.observations()];
    TEST.residuals(err, new double[2]);
    Close.absolute(DataFile.numbers("ba/test.expected-reproj-err.txt"),
        Arrays.copyOf(err, 2), UPSTREAM_TOLERANCE, "reprojection error");
    assertEquals(DataFile.numbers("ba/test.expected-w-err.txt")[0], err[2 * TEST.observations()],
        UPSTREAM_TOLERANCE);
  }

  @Test
  void differentiableResidualIsThePrimal() {
    double[] pair = new double[2];
    Ba.reprojectionError(TEST.cams()[0], TEST.points()[0], 0.7, TEST.features()[0], pair);
    for (int c = 0; c < 2; c++) {
      assertEquals(pair[c],
          Ba.residual(TEST.cams()[0], TEST.points()[0], 0.7, TEST.features()[0], c), 1e-12);
    }
  }

  @Test
  void jgradJacobianMatchesAdbench() {
    double[] values = BaJacobian.values(TEST);
    BaJacobian.jgrad(TEST, values, new BaJacobian.Buffers());
    Close.absolute(JACOBIAN, values, UPSTREAM_TOLERANCE, "jgrad");
  }

  @Test
  void forwardJacobianMatchesAdbench() {
    double[] values = BaJacobian.values(TEST);
    BaJacobian.forward(TEST, values);
    Close.absolute(JACOBIAN, values, UPSTREAM_TOLERANCE, "forward");
  }

  @Test
  void finiteDifferenceJacobianMatchesAdbench() {
    double[] values = BaJacobian.values(TEST);
    BaJacobian.finiteDifferences(TEST, values);
    Close.scaled(JACOBIAN, values, FINITE_TOLERANCE, "central differences");
  }

  @Test
  void zeroRotationTakesTheFirstOrderBranch() {
    double[] cam = TEST.cams()[0].clone();
    cam[0] = 0.0;
    cam[1] = 0.0;
    cam[2] = 0.0;
    BaInput atZero = new BaInput(new double[][] {cam}, TEST.points(), new double[] {0.4},
        new double[][] {TEST.features()[0]});
    double[] generated = BaJacobian.values(atZero);
    BaJacobian.jgrad(atZero, generated, new BaJacobian.Buffers());
    double[] forward = BaJacobian.values(atZero);
    BaJacobian.forward(atZero, forward);
    Close.scaled(forward, generated, 1e-12, "jgrad vs forward at rotation 0");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void passesGradientCheck(int coordinate) {
    double[] cam = TEST.cams()[0].clone();
    cam[0] += 0.1;
    GradientCheck.check(BaGrad.residualFunction(), cam, TEST.points()[0].clone(), 0.6,
        TEST.features()[0], coordinate).assertBelow(1e-6);
  }
}
