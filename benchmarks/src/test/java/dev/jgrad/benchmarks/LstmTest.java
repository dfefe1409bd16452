package dev.jgrad.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.runtime.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LSTM against ADBench's published numbers, with ADBench's tolerance, 1e-8 absolute. */
class LstmTest {
  private static final double UPSTREAM_TOLERANCE = 1e-8;
  private static final LstmInput INPUT = LstmInput.read("lstm_l2_c1024.txt");
  /** Published to 8 digits only (0.66666518); the exact value is within 5e-10 of it. */
  private static final double OBJECTIVE =
      DataFile.numbers("lstm/lstm_l2_c1024.expected-objective.txt")[0];
  private static final double[] GRADIENT =
      DataFile.numbers("lstm/lstm_l2_c1024.expected-gradient.txt");

  static double[] flatten(double[][] main, double[][] extra) {
    double[] flat = new double[main.length * main[0].length
        + extra.length * extra[0].length];
    int at = 0;
    for (double[][] block : new double[][][] {main, extra}) {
      for (double[] row : block) {
        System.arraycopy(row, 0, flat, at, row.length);
        at += row.length;
      }
    }
    return flat;
  }

  @Test
  void objectiveMatchesAdbench() {
    assertEquals(OBJECTIVE, INPUT.objective(), UPSTREAM_TOLERANCE);
  }

  @Test
  void generatedGradientMatchesAdbench() {
    LstmGrad.Objective g = LstmGrad.objective(
        INPUT.mainParams(), INPUT.extraParams(), INPUT.state(), INPUT.sequence());
    assertEquals(INPUT.objective(), g.value(), 0.0);
    Close.absolute(GRADIENT, flatten(g.dMainParams(), g.dExtraParams()), UPSTREAM_TOLERANCE,
        "generated");
  }

  @Test
  void handWrittenGradientMatchesAdbench() {
    double[][] dMain = new double[4][56];
    double[][] dExtra = new double[3][14];
    double value = LstmManual.gradient(INPUT.mainParams(), INPUT.extraParams(), INPUT.state(),
        INPUT.sequence(), dMain, dExtra, LstmManual.Workspace.of(INPUT));
    assertEquals(OBJECTIVE, value, UPSTREAM_TOLERANCE);
    Close.absolute(GRADIENT, flatten(dMain, dExtra), UPSTREAM_TOLERANCE, "hand-written");
  }

  @Test
  void forwardModeMatchesAdbench() {
    var g = LstmForward.objective(INPUT.truncated(1024));
    assertEquals(OBJECTIVE, g.getValue(), UPSTREAM_TOLERANCE);
    Close.absolute(GRADIENT, g.getGradient(), UPSTREAM_TOLERANCE, "forward");
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 17, 64})
  void handWrittenMatchesGeneratedOnShortSequences(int characters) {
    LstmInput in = INPUT.truncated(characters);
    LstmGrad.Objective g =
        LstmGrad.objective(in.mainParams(), in.extraParams(), in.state(), in.sequence());
    double[][] dMain = new double[4][56];
    double[][] dExtra = new double[3][14];
    // A workspace used before for a longer sequence would not fit: each shape gets its own.
    double value = LstmManual.gradient(in.mainParams(), in.extraParams(), in.state(),
        in.sequence(), dMain, dExtra, LstmManual.Workspace.of(in));
    Close.scaled(g.value(), value, 1e-13, "value");
    Close.scaled(flatten(g.dMainParams(), g.dExtraParams()), flatten(dMain, dExtra), 1e-11,
        "hand-written vs generated");
  }

  @Test
  void passesGradientCheckOnAShortSequence() {
    LstmInput in = INPUT.truncated(8);
    // The loss is about 0.7, so a central difference is good to about 1e-11 absolute: relative
    // error means nothing for components below 1e-4, which are compared absolutely.
    GradientCheck.options().sample(40, 3).absoluteBelow(1e-4)
        .check(LstmGrad.objectiveFunction(), in.mainParams(), in.extraParams(), in.state(),
            in.sequence())
        .assertBelow(1e-6);
  }

  @Test
  void stateIsLeftUnchanged() {
    double before = INPUT.state()[1][3];
    LstmGrad.objective(
        INPUT.mainParams(), INPUT.extraParams(), INPUT.state(), INPUT.sequence());
    assertEquals(before, INPUT.state()[1][3], 0.0);
  }
}
