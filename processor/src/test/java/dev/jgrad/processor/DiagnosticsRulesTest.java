package dev.jgrad.processor;

import static dev.jgrad.processor.DiagnosticAssertions.expectError;

import org.junit.jupiter.api.Test;

/** Hand-written backward rules whose signatures do not fit, and returns that share storage. */
class DiagnosticsRulesTest {
  @Test
  void jg015RuleWithTheWrongSignature() {
    expectError("JG015", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable(backward = "fBackward") // <- here
          static double f(double x) {
            return x * x;
          }

          static double fBackward(double x, double upstream) {
            return 2 * x * upstream;
          }
        }
        """, "double fBackward(double x, double out, double upstream)");
  }

  @Test
  void jg015RuleThatDoesNotExist() {
    expectError("JG015", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable(backward = "missing") // <- here
          static double f(double[] x, double k) {
            return x[0] * k;
          }
        }
        """, "no such method", "void missing(double[] x, double k, double out, double upstream,"
            + " double[] dX, double[] dK)");
  }

  @Test
  void jg114ReturningAParameter() {
    expectError("JG114", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double[] f(double[] x) {
            return x; // <- here
          }
        }
        """, "new array");
  }
}
