package dev.jgrad.processor.testing;

import java.util.function.Function;

/**
 * A value and its derivative along one seed direction: forward mode by hand, for tests that
 * check a generated gradient against a twin of the program written over these (exact to
 * rounding, unlike finite differences).
 */
public record Dual(double v, double d) {
  /** A constant: derivative 0. */
  public static Dual c(double v) {
    return new Dual(v, 0);
  }

  public Dual plus(Dual o) {
    return new Dual(v + o.v, d + o.d);
  }

  public Dual plus(double c) {
    return new Dual(v + c, d);
  }

  public Dual minus(Dual o) {
    return new Dual(v - o.v, d - o.d);
  }

  public Dual times(Dual o) {
    return new Dual(v * o.v, d * o.v + v * o.d);
  }

  public Dual times(double c) {
    return new Dual(v * c, d * c);
  }

  public Dual sin() {
    return new Dual(Math.sin(v), d * Math.cos(v));
  }

  public Dual cos() {
    return new Dual(Math.cos(v), -d * Math.sin(v));
  }

  public Dual tanh() {
    double t = Math.tanh(v);
    return new Dual(t, d * (1 - t * t));
  }

  public Dual exp() {
    double e = Math.exp(v);
    return new Dual(e, d * e);
  }

  /** {@code x} as duals, seeded along component {@code seed} (none if it is out of range). */
  public static Dual[] seeded(double[] x, int seed) {
    Dual[] out = new Dual[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = new Dual(x[i], i == seed ? 1 : 0);
    }
    return out;
  }

  /** {@code f}'s value, then its gradient: one forward pass per component of {@code x}. */
  public static double[] valueAndGradient(Function<Dual[], Dual> f, double[] x) {
    double[] out = new double[x.length + 1];
    out[0] = f.apply(seeded(x, -1)).v;
    for (int j = 0; j < x.length; j++) {
      out[j + 1] = f.apply(seeded(x, j)).d;
    }
    return out;
  }
}
