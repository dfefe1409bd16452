package dev.jgrad.processor;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.processor.testing.Differentiated;
import dev.jgrad.processor.testing.InMemory;
import dev.jgrad.runtime.Gradient;
import dev.jgrad.runtime.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults found by the random-program tests ({@code dev.jgrad.processor.random}), each shrunk to
 * a small program with its value and gradient worked out by hand. The comment on each test says
 * what the generated code did wrong when it was found.
 */
class RandomRegressionsTest {
  private static final double TOLERANCE = 1e-14;

  /**
   * The value matches the plain method and the gradient matches central finite differences
   * (arrays copied for every evaluation); not for the same array passed twice, which moves both
   * parameters at once.
   */
  private static void finiteDifferences(Differentiated f, Object... args) {
    GradientCheck.check(f.function(), args).assertBelow(1e-6);
  }

  private static Differentiated compile(String className, String methods) {
    String source = "package rr;\n\n"
        + "import dev.jgrad.Differentiable;\n\n"
        + "final class " + className + " {\n"
        + "  private " + className + "() {}\n\n"
        + methods.strip().indent(2)
        + "}\n";
    return InMemory.compile(InMemory.source("rr." + className, source))
        .method("rr." + className, "f");
  }

  /**
   * An int passed for a double parameter of a differentiable callee that also has an array
   * parameter. The generated call of {@code hPullback} sized the scratch buffer of that scalar
   * parameter as {@code new double[n.length]} (or {@code new double[2.length]}): the argument's
   * text with {@code .length} appended, which does not compile.
   */
  @ParameterizedTest
  @ValueSource(strings = {"n", "3", "a.length"})
  void intArgumentForADoubleParameterNextToAnArray(String argument) {
    Differentiated f = compile("IntArgument", """
        @Differentiable
        static double h(double p, double[] u) {
          return p * u[0];
        }

        @Differentiable
        static double f(double x, double[] a, int n) {
          return x * h(ARG, a);
        }
        """.replace("ARG", argument));
    // Every argument text is 3 here: f = 3 x a[0].
    double[] a = {2.0, -1.0, 0.5};
    Gradient g = f.gradient(1.5, a, 3);
    assertAll(
        () -> assertEquals(9.0, g.value(), TOLERANCE),
        () -> assertEquals(6.0, (Double) g.gradient("x"), TOLERANCE),
        () -> assertArrayEquals(new double[] {4.5, 0, 0}, (double[]) g.gradient("a"),
            TOLERANCE));
  }

  /**
   * {@code a[i] = x} where the index {@code i} reads the element that the write replaces. The
   * generated code evaluated the index again after the write, when it reads the new value and
   * points elsewhere: the assignment's value {@code v} was read from the wrong element, and the
   * reverse sweep restored and took the adjoint of the wrong element.
   */
  @Test
  void assignmentWhoseIndexReadsTheElementItOverwrites() {
    Differentiated f = compile("IndexReadsTarget", """
        @Differentiable
        static double f(double x, double[] a) {
          double v = a[(int) (0.5 + Math.tanh(a[0]))] = x;
          return v * a[1];
        }
        """);
    // The index is (int) (0.5 + tanh(-0.5)) = 0, so a[0] = x and v = x: f = x a[1]. After the
    // write tanh(a[0]) = tanh(1.5) would make it 1.
    double[] a = {-0.5, 2.0, 3.0};
    double plain = f.value(1.5, a.clone());
    Gradient g = f.gradient(1.5, a);
    assertAll(
        () -> assertEquals(3.0, plain, TOLERANCE),
        () -> assertEquals(3.0, g.value(), TOLERANCE, "value"),
        () -> assertEquals(2.0, (Double) g.gradient("x"), TOLERANCE, "dx"),
        () -> assertArrayEquals(new double[] {0, 1.5, 0}, (double[]) g.gradient("a"),
            TOLERANCE, "da"),
        () -> assertArrayEquals(new double[] {-0.5, 2.0, 3.0}, a, "a restored"));
    finiteDifferences(f, 1.5, a);
  }

  /**
   * The same with a compound assignment: {@code a[1] -= x} where the index reads {@code a[1]}.
   * After the write the index evaluates to 0, and the reverse sweep restored {@code a[0]}.
   */
  @Test
  void compoundAssignmentWhoseIndexReadsTheElementItOverwrites() {
    Differentiated f = compile("CompoundIndexReadsTarget", """
        @Differentiable
        static double f(double x, double[] a) {
          a[(int) (0.5 + Math.tanh(a[1]))] -= x;
          return a[0] * a[1];
        }
        """);
    // (int) (0.5 + tanh(1.5)) = 1: f = a[0] (a[1] - x) = 2 (1.5 - 2) = -1.
    double[] a = {2.0, 1.5, 3.0};
    Gradient g = f.gradient(2.0, a);
    assertAll(
        () -> assertEquals(-1.0, g.value(), TOLERANCE, "value"),
        () -> assertEquals(-2.0, (Double) g.gradient("x"), TOLERANCE, "dx"),
        () -> assertArrayEquals(new double[] {-0.5, 2.0, 0}, (double[]) g.gradient("a"),
            TOLERANCE, "da"),
        () -> assertArrayEquals(new double[] {2.0, 1.5, 3.0}, a, "a restored"));
    finiteDifferences(f, 2.0, a);
  }

  /** The same with {@code a[i]--}, where the index reads {@code a[i]}. */
  @Test
  void decrementWhoseIndexReadsTheElementItChanges() {
    Differentiated f = compile("StepIndexReadsTarget", """
        @Differentiable
        static double f(double x, double[] a) {
          a[(int) (0.5 + Math.tanh(a[1]))]--;
          return x * a[1];
        }
        """);
    // (int) (0.5 + tanh(0.6)) = 1: f = x (a[1] - 1) = 1.5 (-0.4).
    double[] a = {2.0, 0.6, 3.0};
    Gradient g = f.gradient(1.5, a);
    assertAll(
        () -> assertEquals(1.5 * (0.6 - 1), g.value(), TOLERANCE, "value"),
        () -> assertEquals(0.6 - 1, (Double) g.gradient("x"), TOLERANCE, "dx"),
        () -> assertArrayEquals(new double[] {0, 1.5, 0}, (double[]) g.gradient("a"),
            TOLERANCE, "da"),
        () -> assertArrayEquals(new double[] {2.0, 0.6, 3.0}, a, "a restored"));
    finiteDifferences(f, 1.5, a);
  }

  /**
   * An assignment inside an array initialiser. Lowering moved {@code y *= x} out of the
   * initialiser to before it, without first binding the elements to its left, so they read the
   * new {@code y}: the generated code computed {@code y = y * x; w = {y, y}}.
   */
  @Test
  void assignmentInAnArrayInitialiserRunsAfterTheElementsBeforeIt() {
    Differentiated f = compile("InitialiserOrder", """
        @Differentiable
        static double f(double x, double y) {
          double[] w = {y, y *= x};
          return w[0] + 10 * w[1];
        }
        """);
    // w = {y, x y}: f = y + 10 x y = 3 + 60.
    Gradient g = f.gradient(2.0, 3.0);
    assertAll(
        () -> assertEquals(63.0, f.value(2.0, 3.0), TOLERANCE),
        () -> assertEquals(63.0, g.value(), TOLERANCE, "value"),
        () -> assertEquals(30.0, (Double) g.gradient("x"), TOLERANCE, "dx"),
        () -> assertEquals(21.0, (Double) g.gradient("y"), TOLERANCE, "dy"));
    finiteDifferences(f, 2.0, 3.0);
  }

  /**
   * The same array for two parameters of a method that writes into one of them. The README
   * allows the aliasing and promises one shared gradient. {@code fPullback} of a writing method
   * hands {@code fAdjoint} a scratch buffer for the written array {@code a} but the caller's
   * buffer for {@code b}, so {@code fAdjoint}'s alias check sees one array with two buffers and
   * throws IllegalArgumentException, even from {@code f(a, a)}, which passed one buffer. The
   * random tests met the same with no write at all: {@code return h(a[1])} with a differentiable
   * {@code h}, or a local {@code double[] w = b}, also put {@code a} on the scratch path.
   */
  @Test
  void sameArrayForTwoParametersOfAMethodThatWritesIntoIt() {
    Differentiated f = compile("AliasedWrite", """
        @Differentiable
        static double f(double[] a, double[] b) {
          a[0] = 2 * a[0];
          return a[0] + b[1];
        }
        """);
    // With b == a: f = 2 a[0] + a[1], whose gradient with respect to the one array is {2, 1, 0}.
    double[] a = {1.0, 2.0, 3.0};
    Gradient g = f.gradient(a, a);
    assertAll(
        () -> assertEquals(4.0, g.value(), TOLERANCE, "value"),
        () -> assertArrayEquals(new double[] {2, 1, 0}, (double[]) g.gradient("a"), TOLERANCE,
            "da"),
        () -> assertArrayEquals(new double[] {2, 1, 0}, (double[]) g.gradient("b"), TOLERANCE,
            "db"),
        () -> assertArrayEquals(new double[] {1.0, 2.0, 3.0}, a, "a restored"));
  }

  /**
   * The same array for two parameters that both go through scratch buffers (both are written).
   * {@code fPullback} shares one scratch between them, as it should, but then adds it into
   * {@code dA} and again into {@code dB}: with {@code f(a, a)} these are one buffer, so the
   * gradient comes out doubled. A local alias of each ({@code double[] w = a; double[] v = b;})
   * does the same without any write.
   */
  @Test
  void sameArrayForTwoWrittenParametersIsNotCountedTwice() {
    Differentiated f = compile("AliasedWrites", """
        @Differentiable
        static double f(double[] a, double[] b) {
          a[0] = 3 * a[0];
          b[2] = 2 * b[2];
          return a[0] + b[1];
        }
        """);
    // With b == a: f = 3 a[0] + a[1]; the write to a[2] does not reach the result.
    double[] a = {1.0, 2.0, 3.0};
    Gradient g = f.gradient(a, a);
    assertAll(
        () -> assertEquals(5.0, g.value(), TOLERANCE, "value"),
        () -> assertArrayEquals(new double[] {3, 1, 0}, (double[]) g.gradient("a"), TOLERANCE,
            "da"),
        () -> assertArrayEquals(new double[] {3, 1, 0}, (double[]) g.gradient("b"), TOLERANCE,
            "db"),
        () -> assertArrayEquals(new double[] {1.0, 2.0, 3.0}, a, "a restored"));
  }

  /**
   * As {@link #sameArrayForTwoParametersOfAMethodThatWritesIntoIt}, but the written parameter
   * comes second. {@code fPullback} lets a parameter share the scratch buffer of an earlier
   * aliased one, not of a later one: {@code a} keeps the caller's buffer while {@code b} gets a
   * fresh scratch, and {@code fAdjoint}'s alias check throws IllegalArgumentException. The random
   * tests found it as {@code h0(b[1], y); return y;}, where passing {@code b[1]} to a
   * differentiable method is enough to put {@code b} on the scratch path.
   */
  @Test
  void sameArrayForTwoParametersWhenOnlyTheSecondIsWritten() {
    Differentiated f = compile("AliasedSecondWrite", """
        @Differentiable
        static double f(double[] a, double[] b) {
          b[0] = 2 * b[0];
          return b[0] + a[1];
        }
        """);
    // With b == a: f = 2 a[0] + a[1].
    double[] a = {1.0, 2.0, 3.0};
    Gradient g = f.gradient(a, a);
    assertAll(
        () -> assertEquals(4.0, g.value(), TOLERANCE, "value"),
        () -> assertArrayEquals(new double[] {2, 1, 0}, (double[]) g.gradient("a"), TOLERANCE,
            "da"),
        () -> assertArrayEquals(new double[] {2, 1, 0}, (double[]) g.gradient("b"), TOLERANCE,
            "db"),
        () -> assertArrayEquals(new double[] {1.0, 2.0, 3.0}, a, "a restored"));
  }

  /**
   * An array that carries no gradient, passed for two array parameters of a differentiable
   * callee. The caller hands {@code hPullback} a fresh scratch buffer for each, {@code new
   * double[w.length], new double[w.length]}, and {@code hPullback}'s alias check throws
   * IllegalArgumentException: one array must come with one buffer.
   */
  @Test
  void constantArrayPassedTwiceToACallee() {
    Differentiated f = compile("ConstantArrayTwice", """
        @Differentiable
        static double h(double p, double[] u, double[] v) {
          return p * u[0] + v[1];
        }

        @Differentiable
        static double f(double x, double[] a) {
          double[] w = {1.0, 2.0, 3.0};
          return h(x, w, w) + a[0];
        }
        """);
    // f = x w[0] + w[1] + a[0] = 1.5 + 2 + 2.
    Gradient g = f.gradient(1.5, new double[] {2.0, 3.0, 4.0});
    assertAll(
        () -> assertEquals(5.5, g.value(), TOLERANCE, "value"),
        () -> assertEquals(1.0, (Double) g.gradient("x"), TOLERANCE, "dx"),
        () -> assertArrayEquals(new double[] {1, 0, 0}, (double[]) g.gradient("a"), TOLERANCE,
            "da"));
    finiteDifferences(f, 1.5, new double[] {2.0, 3.0, 4.0});
  }

  /** The same with a parameter left out of wrt, as the random tests found it. */
  @Test
  void parameterOutsideWrtPassedTwiceToACallee() {
    Differentiated f = compile("ConstantParameterTwice", """
        @Differentiable
        static double h(double p, double[] u, double[] v) {
          return p * u[0] + v[1];
        }

        @Differentiable(wrt = {"x"})
        static double f(double x, double[] a) {
          return h(x, a, a);
        }
        """);
    // f = x a[0] + a[1] = 3 + 3; only x is differentiated.
    Gradient g = f.gradient(1.5, new double[] {2.0, 3.0, 4.0});
    assertAll(
        () -> assertEquals(6.0, g.value(), TOLERANCE, "value"),
        () -> assertEquals(2.0, (Double) g.gradient("x"), TOLERANCE, "dx"));
    finiteDifferences(f, 1.5, new double[] {2.0, 3.0, 4.0});
  }

  /**
   * A compound assignment whose right-hand side writes, through another array variable, the
   * element it updates. Java reads {@code b[0]} before {@code ++a[0]} runs; the generated code
   * read it after, so with {@code b == a} it multiplied the incremented value by itself.
   */
  @Test
  void compoundAssignmentReadsItsTargetBeforeAnAliasedIncrement() {
    Differentiated f = compile("AliasedIncrement", """
        @Differentiable
        static double f(double[] a, double[] b) {
          b[0] *= ++a[0];
          return a[0] + b[0];
        }
        """);
    double s0 = 1.25;
    // Same array: s0 becomes s0 (s0 + 1), read twice: f = 2 s0 (s0 + 1), f' = 4 s0 + 2.
    double[] s = {s0, 7.0};
    Gradient same = f.gradient(s, s);
    assertEquals(2 * s0 * (s0 + 1), same.value(), TOLERANCE);
    double[] t = {s0, 7.0};
    assertEquals(2 * s0 * (s0 + 1), f.value(t, t), TOLERANCE);
    assertArrayEquals(new double[] {4 * s0 + 2, 0}, (double[]) same.gradient("a"), TOLERANCE);
    // Separate arrays: f = a0 + 1 + b0 (a0 + 1).
    double a0 = -0.5;
    double b0 = 3.0;
    Gradient apart = f.gradient(new double[] {a0, 1}, new double[] {b0, 2});
    assertEquals(a0 + 1 + b0 * (a0 + 1), apart.value(), TOLERANCE);
    assertArrayEquals(new double[] {1 + b0, 0}, (double[]) apart.gradient("a"), TOLERANCE);
    assertArrayEquals(new double[] {a0 + 1, 0}, (double[]) apart.gradient("b"), TOLERANCE);
    dev.jgrad.runtime.GradientCheck.check(f.function(), new double[] {a0, 1},
        new double[] {b0, 2}).assertBelow(1e-8);
  }

  /**
   * {@code t[j] op= value} where the value writes the same element through another name. Java
   * reads the element's old value before it evaluates the value; jgrad read it afterwards when
   * the two names differ, for a row of a matrix (which the lowering holds in a temporary) as for
   * a local alias of an array, so both the value and the gradient were wrong.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "return m[1][2] += m[1][(int) 2.5] += x;",
      "double[] r = m[1];\n  return r[2] += m[1][2] += x;",
      "double[] r = m[1];\n  return m[1][2] -= -(r[2] *= x);"})
  void compoundAssignmentWhoseValueWritesTheElementThroughAnotherName(String body) {
    Differentiated f = compile("CompoundThroughAlias", """
        @Differentiable
        static double f(double x, double[][] m) {
          BODY
        }
        """.replace("BODY", body));
    double[][] m = {{0.0, 0.0, 0.0}, {0.0, 0.0, -1.5}};
    Gradient g = f.gradient(0.5, m);
    // Every form is m12 + (m12 op x) with the old m12: 2 m12 + x, or m12 + m12 x.
    boolean sum = !body.contains("*=");
    double value = sum ? 2 * -1.5 + 0.5 : -1.5 + -1.5 * 0.5;
    assertAll(
        () -> assertEquals(value, g.value(), TOLERANCE, "value"),
        () -> assertEquals(sum ? 1.0 : -1.5, (Double) g.gradient("x"), TOLERANCE, "dx"),
        () -> assertEquals(sum ? 2.0 : 1.5, ((double[][]) g.gradient("m"))[1][2], TOLERANCE,
            "dm[1][2]"));
  }

  /**
   * A {@code yield} inside a switch statement that sits in a case of a switch expression. It
   * left only the inner switch statement, so the statements after it ran and the expression
   * took a later value ({@code 0.5} here instead of {@code y}).
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void yieldFromASwitchStatementInsideASwitchExpression(int n) {
    Differentiated f = compile("YieldThroughSwitch", """
        @Differentiable
        static double f(double y, int n) {
          return switch (4) {
            default -> {
              switch (n) {
                case 1 -> {
                  yield y * y;
                }
                default -> y = 3 * y;
              }
              yield 0.5 * y;
            }
          };
        }
        """);
    // n = 1: y^2; otherwise 0.5 (3 y).
    Gradient g = f.gradient(0.5, n);
    assertAll(
        () -> assertEquals(n == 1 ? 0.25 : 0.75, g.value(), TOLERANCE, "value"),
        () -> assertEquals(n == 1 ? 1.0 : 1.5, (Double) g.gradient("y"), TOLERANCE, "dy"));
  }

  /**
   * A matrix row passed to a callee that writes into it, chosen by an index that reads the
   * element the callee changes. The reverse sweep evaluated the index again after the call, got
   * another row, and put the saved row back there: the matrix was not restored.
   */
  @Test
  void rowArgumentWhoseIndexReadsWhatTheCalleeWrites() {
    Differentiated f = compile("RowIndexReadsWrite", """
        @Differentiable
        static double h(double p, double[] u) {
          u[1] += 0.5;
          return p * u[1];
        }

        @Differentiable
        static double f(double x, double[][] m) {
          return h(x, m[((int) Math.floor(m[0][1])) + 2]);
        }
        """);
    // floor(-1.25) + 2 = 0: h writes m[0][1] = -0.75, then floor(-0.75) + 2 would be 1.
    double[][] m = {{0.5, -1.25, 2.0}, {3.0, 4.0, 5.0}};
    Gradient g = f.gradient(2.0, m);
    assertAll(
        () -> assertEquals(-1.5, g.value(), TOLERANCE, "value"),
        () -> assertEquals(-0.75, (Double) g.gradient("x"), TOLERANCE, "dx"),
        () -> assertArrayEquals(new double[] {0.0, 2.0, 0.0}, ((double[][]) g.gradient("m"))[0],
            TOLERANCE, "dm[0]"),
        () -> assertArrayEquals(new double[] {0.5, -1.25, 2.0}, m[0], "m[0] restored"),
        () -> assertArrayEquals(new double[] {3.0, 4.0, 5.0}, m[1], "m[1] untouched"));
    finiteDifferences(f, 2.0, m);
  }

  /**
   * The same array for two parameters, one argument reading an element and a later one writing
   * it. Java reads {@code a[0]} first; jgrad read it after {@code b[0] /= 2}, since by name the
   * write was to another array.
   */
  @Test
  void argumentReadBeforeALaterArgumentWritesItThroughAnotherParameter() {
    Differentiated f = compile("ArgumentThroughAlias", """
        @Differentiable
        static double h(double p, double q) {
          return p * q;
        }

        @Differentiable
        static double f(double[] a, double[] b) {
          return h(a[0], b[0] /= 2.0);
        }
        """);
    double[] shared = {3.0, 1.0};
    // f = a0 (a0 / 2) = a0^2 / 2 with the one array: value 4.5, gradient a0 = 3 for both.
    Gradient g = f.gradient(shared, shared);
    assertAll(
        () -> assertEquals(4.5, g.value(), TOLERANCE, "value"),
        () -> assertArrayEquals(new double[] {3.0, 0.0}, (double[]) g.gradient("a"), TOLERANCE,
            "da"),
        () -> assertArrayEquals(new double[] {3.0, 1.0}, shared, "restored"));
  }

  /**
   * {@code ++m[i][1]} where the row index {@code i} reads the element that the increment
   * changes. The reverse sweep evaluated the row index again after the write, got the other
   * row, and restored the saved element there.
   */
  @ParameterizedTest
  @ValueSource(strings = {"++m[ROW][1];", "m[ROW][1] = x;", "m[ROW][1] *= x;"})
  void matrixWriteWhoseRowIndexReadsTheElementItChanges(String write) {
    Differentiated f = compile("RowIndexReadsTarget", """
        @Differentiable
        static double f(double x, double[][] m) {
          WRITE
          return x * m[1][1];
        }
        """.replace("WRITE", write.replace("ROW", "(((int) Math.floor(m[1][1])) + 2) % 2")));
    // m[1][1] = -0.5 picks row 1, then the write makes it 0.5 (++), 1.5 (= x) or -0.75 (*= x),
    // for which floor(...) + 2 would pick row 0 (2 % 2), row 1, row 1.
    double[][] m = {{4.0, 5.0, 6.0}, {7.0, -0.5, 8.0}};
    Gradient g = f.gradient(1.5, m);
    double written = write.startsWith("++") ? 0.5 : write.contains("*=") ? -0.75 : 1.5;
    double dm11 = write.startsWith("++") ? 1.5 : write.contains("*=") ? 1.5 * 1.5 : 0.0;
    double dx = write.contains("= x;") && !write.contains("*=") ? 2 * 1.5
        : write.contains("*=") ? 2 * 1.5 * -0.5 : 0.5;
    assertAll(
        () -> assertEquals(1.5 * written, g.value(), TOLERANCE, "value"),
        () -> assertEquals(dx, (Double) g.gradient("x"), TOLERANCE, "dx"),
        () -> assertEquals(dm11, ((double[][]) g.gradient("m"))[1][1], TOLERANCE, "dm[1][1]"),
        () -> assertArrayEquals(new double[] {4.0, 5.0, 6.0}, m[0], "m[0] untouched"),
        () -> assertArrayEquals(new double[] {7.0, -0.5, 8.0}, m[1], "m[1] restored"));
  }

  /**
   * An array passed to a call before another argument that calls a method with the same array.
   * The first argument was copied to a temporary as if the call could replace the array, and
   * the temporary's adjoint, an alias of the array's buffer, was set up in the forward sweep:
   * when h1 is called by another method, its split forward method has no buffer, and jgrad
   * stopped with an internal error (JG900).
   */
  @Test
  void arrayArgumentBeforeACallThatTakesTheSameArray() {
    Differentiated f = compile("ArrayBeforeCall", """
        @Differentiable
        static double h0(double p, double[] u, int m) {
          return p * u[0];
        }

        @Differentiable
        static double h1(double p, double[] u, int m) {
          return h0(p, u, (int) h0(p, u, m));
        }

        @Differentiable
        static double f(double x, double y, double[] a, int n) {
          return x + h1(y, a, n);
        }
        """);
    // f = x + y a[0].
    Gradient g = f.gradient(1.5, 2.0, new double[] {3.0, 4.0}, 1);
    assertAll(
        () -> assertEquals(7.5, g.value(), TOLERANCE, "value"),
        () -> assertEquals(1.0, (Double) g.gradient("x"), TOLERANCE, "dx"),
        () -> assertEquals(3.0, (Double) g.gradient("y"), TOLERANCE, "dy"),
        () -> assertArrayEquals(new double[] {2.0, 0.0}, (double[]) g.gradient("a"), TOLERANCE,
            "da"));
    finiteDifferences(f, 1.5, 2.0, new double[] {3.0, 4.0}, 1);
  }
}
