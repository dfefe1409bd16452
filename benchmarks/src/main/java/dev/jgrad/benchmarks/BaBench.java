package dev.jgrad.benchmarks;

import java.util.concurrent.TimeUnit;
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
 * {@code ba}: the full sparse Jacobian. Small is ADBench's {@code test.txt} (10 observations),
 * medium {@code ba1_n49_m7776_p31843} (31 843 observations). The primal is every residual.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BaBench {
  /** The problem; subclasses only choose which sizes JMH runs. */
  public abstract static class Problem {
    BaInput in;
    double[] residuals;
    double[] pair;
    double[] jacobian;
    BaJacobian.Buffers buffers;

    void load(String size) {
      in = BaInput.read(size.equals("small") ? "test.txt" : "ba1_n49_m7776_p31843.txt");
      residuals = new double[3 * in.observations()];
      pair = new double[2];
      jacobian = BaJacobian.values(in);
      buffers = new BaJacobian.Buffers();
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
  public double[] primal(Sizes p) {
    p.in.residuals(p.residuals, p.pair);
    return p.residuals;
  }

  /** Two pullbacks per observation, one per Jacobian row, into reused buffers. */
  @Benchmark
  public double[] jgradPullback(Sizes p) {
    BaJacobian.jgrad(p.in, p.jacobian, p.buffers);
    return p.jacobian;
  }

  @Benchmark
  public double[] forward(Sizes p) {
    BaJacobian.forward(p.in, p.jacobian);
    return p.jacobian;
  }

  @Benchmark
  public double[] finiteDifferences(Small p) {
    BaJacobian.finiteDifferences(p.in, p.jacobian);
    return p.jacobian;
  }
}
