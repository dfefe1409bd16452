package dev.jgrad.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.hipparchus.analysis.differentiation.Gradient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code lstm} on ADBench's {@code lstm_l2_c1024} (2 layers, 14 bits, 266 inputs): small reads its
 * first 64 characters, medium all 1024.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
// The generated adjoint is one large method that C2 recompiles several times before it
// settles (about 5 s on 2 cores): shorter warmups measure the recompilations.
@Warmup(iterations = 6, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LstmBench {
  /** The problem; subclasses only choose which sizes JMH runs. */
  public abstract static class Problem {
    LstmInput in;
    double[][] dMain;
    double[][] dExtra;
    LstmManual.Workspace workspace;

    void load(String size) {
      LstmInput full = LstmInput.read("lstm_l2_c1024.txt");
      in = size.equals("small") ? full.truncated(64) : full;
      dMain = new double[in.mainParams().length][in.mainParams()[0].length];
      dExtra = new double[3][in.extraParams()[0].length];
      workspace = LstmManual.Workspace.of(in);
    }
  }

  /** Both sizes. */
  @State(Scope.Benchmark)
  public static class Sizes extends Problem {
    @Param({"small", "medium"})
    public String size;

    @Setup
    public void setUp() {
      load(size);
    }
  }

  /** The small size only, for finite differences. */
  @State(Scope.Benchmark)
  public static class Small extends Problem {
    @Param({"small"})
    public String size;

    @Setup
    public void setUp() {
      load(size);
    }
  }

  @Benchmark
  public double primal(Sizes p) {
    return p.in.objective();
  }

  @Benchmark
  public LstmGrad.Objective jgrad(Sizes p) {
    LstmInput in = p.in;
    return LstmGrad.objective(in.mainParams(), in.extraParams(), in.state(), in.sequence());
  }

  @Benchmark
  public double jgradPullback(Sizes p) {
    LstmInput in = p.in;
    for (double[] row : p.dMain) {
      Arrays.fill(row, 0.0);
    }
    for (double[] row : p.dExtra) {
      Arrays.fill(row, 0.0);
    }
    return LstmGrad.objectivePullback(in.mainParams(), in.extraParams(), in.state(),
        in.sequence(), 1.0, p.dMain, p.dExtra);
  }

  @Benchmark
  public double manual(Sizes p) {
    LstmInput in = p.in;
    return LstmManual.gradient(in.mainParams(), in.extraParams(), in.state(), in.sequence(),
        p.dMain, p.dExtra, p.workspace);
  }

  @Benchmark
  public Gradient forward(Sizes p) {
    return LstmForward.objective(p.in);
  }

  @Benchmark
  public double finiteDifferences(Small p) {
    LstmInput in = p.in;
    double[][] arrays = new double[in.mainParams().length + 3][];
    double[][] out = new double[arrays.length][];
    for (int r = 0; r < in.mainParams().length; r++) {
      arrays[r] = in.mainParams()[r];
      out[r] = p.dMain[r];
    }
    for (int r = 0; r < 3; r++) {
      arrays[in.mainParams().length + r] = in.extraParams()[r];
      out[in.mainParams().length + r] = p.dExtra[r];
    }
    return CentralDifferences.gradient(in::objective, arrays, out);
  }
}
