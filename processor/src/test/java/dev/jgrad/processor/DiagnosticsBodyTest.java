package dev.jgrad.processor;

import static dev.jgrad.processor.DiagnosticAssertions.assertNoErrorContaining;
import static dev.jgrad.processor.DiagnosticAssertions.expectError;

import dev.jgrad.processor.DiagnosticAssertions.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics about method bodies (JG101 to JG116): each test is a valid Java class that jgrad
 * must refuse, with the error on the line marked {@code // <- here} and a message that names
 * the construct.
 *
 * <p>JG114 (array alias) is not tested: no code in the processor reports it, so no source can
 * trigger it.
 */
class DiagnosticsBodyTest {
  @Test
  void jg101TryCatch() {
    expectError("JG101", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x) {
            double y = 0;
            try { // <- here
              y = Math.log(x);
            } catch (ArithmeticException e) {
              y = 0;
            }
            return y;
          }
        }
        """, "try/catch");
  }

  @Test
  void jg101Throw() {
    expectError("JG101", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x) {
            if (x < 0) {
              throw new IllegalArgumentException("negative"); // <- here
            }
            return Math.sqrt(x);
          }
        }
        """, "throw");
  }

  @Test
  void jg101Synchronized() {
    expectError("JG101", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x) {
            double y;
            synchronized (Foo.class) { // <- here
              y = x * x;
            }
            return y;
          }
        }
        """, "synchronized");
  }

  @Test
  void jg101LabelledBlock() {
    // Switch statements are supported; a label on a plain block (left with break) is not.
    expectError("JG101", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x) {
            double y = x;
            done: { // <- here
              if (x > 1) {
                break done;
              }
              y = x * x;
            }
            return y;
          }
        }
        """, "label");
  }

  @Test
  void jg101Assert() {
    // The trailing comment is ordinary code style; the message must quote the statement, not
    // the comment.
    expectError("JG101", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x) {
            assert x > 0; // <- here
            return Math.sqrt(x);
          }
        }
        """, "assert x > 0");
  }

  @Test
  void jg102Null() {
    // Switch expressions are supported; null is not.
    expectError("JG102", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x) {
            double[] a = null; // <- here
            return x;
          }
        }
        """, "null");
  }

  @Test
  void jg102Lambda() {
    expectError("JG102", """
        package pkg;

        import dev.jgrad.Differentiable;
        import java.util.function.DoubleUnaryOperator;

        class Foo {
          static double apply(DoubleUnaryOperator op, double v) {
            return op.applyAsDouble(v);
          }

          @Differentiable
          static double f(double x) {
            return apply(v -> v * v, x); // <- here
          }
        }
        """, "lambda");
  }

  @Test
  void jg102MethodReference() {
    expectError("JG102", """
        package pkg;

        import dev.jgrad.Differentiable;
        import java.util.function.DoubleUnaryOperator;

        class Foo {
          static double apply(DoubleUnaryOperator op, double v) {
            return op.applyAsDouble(v);
          }

          @Differentiable
          static double f(double x) {
            return apply(Math::exp, x); // <- here
          }
        }
        """, "method reference");
  }

  @Test
  void jg102ObjectCreation() {
    expectError("JG102", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          static double weight(Object o) {
            return o.hashCode();
          }

          @Differentiable
          static double f(double x) {
            return x * weight(new Object()); // <- here
          }
        }
        """, "object creation", "new Object");
  }

  @Test
  void jg102FloatLiteral() {
    expectError("JG102", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x) {
            return x * 2.5f; // <- here
          }
        }
        """, "float literal", "2.5f");
  }

  @Test
  void jg103FloatLocal() {
    expectError("JG103", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x) {
            float scale = 2; // <- here
            return x;
          }
        }
        """, "scale", "float");
  }

  @Test
  void jg103LongLocal() {
    expectError("JG103", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x) {
            long count = 3; // <- here
            return x;
          }
        }
        """, "count", "long");
  }

  @Test
  void jg106InheritedMutableStatic() {
    // Inherited fields are found as javac finds them; this one is mutable, so it is refused as
    // such rather than reported as an unknown name.
    expectError("JG106", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Base {
          static double rate = 0.5;
        }

        class Foo extends Base {
          @Differentiable
          static double f(double x) {
            return x * rate; // <- here
          }
        }
        """, "rate");
  }

  @Test
  void jg105FieldWrite() {
    expectError("JG105", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          static double last;

          @Differentiable
          static double f(double x) {
            last = x; // <- here
            return x * x;
          }
        }
        """, "'last'");
  }

  @Test
  void jg105QualifiedFieldWrite() {
    expectError("JG105", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          static double last;

          @Differentiable
          static double f(double x) {
            Foo.last = x; // <- here
            return x * x;
          }
        }
        """, "Foo.last");
  }

  @Test
  void jg106MutableStaticRead() {
    expectError("JG106", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          static double scale = 2.0;

          @Differentiable
          static double f(double x) {
            return x * scale; // <- here
          }
        }
        """, "scale", "not static final");
  }

  @Test
  void jg107MathRandom() {
    expectError("JG107", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x) {
            return x * Math.random(); // <- here
          }
        }
        """, "Math.random");
  }

  @Test
  void jg108PlainHelperWithGradientArgument() {
    expectError("JG108", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          static double square(double v) {
            return v * v;
          }

          @Differentiable
          static double f(double x) {
            double y = x + 1;
            return square(y); // <- here
          }
        }
        """, "square");
  }

  @Test
  void jg108OnALineThatStartsWithABrace() {
    // This error is found after lowering, when only the line is known; the line must still
    // be the call's, even though its first token closes the block opened two lines above.
    expectError("JG108", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          static double square(double v) {
            return v * v;
          }

          @Differentiable
          static double f(double x) {
            double y = 0;
            if (x > 0) {
              y = 1;
            } else { y = square(x); } // <- here
            return y;
          }
        }
        """, "square");
  }

  @Test
  void jg108LibraryMethodWithGradientArgument() {
    expectError("JG108", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x) {
            return Double.sum(x, 1.0); // <- here
          }
        }
        """, "sum");
  }

  @Test
  void jg108UnknownMethod() {
    // A varargs library method: jgrad finds no method it can call with these arguments.
    expectError("JG108", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x) {
            return x * java.util.Objects.hash(x); // <- here
          }
        }
        """, "hash");
  }

  @Test
  void jg109ArrayChosenByConditional() {
    expectError("JG109", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double sum(double[] v) {
            return v[0] + v[1];
          }

          @Differentiable
          static double f(double[] a, double[] b, boolean first) {
            return sum(first ? a : b); // <- here
          }
        }
        """, "sum", "array variable");
  }

  @Test
  void jg110ArrayEquality() {
    Outcome o = expectError("JG110", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double[] a, double[] b) {
            if (a == b) { // <- here
              return 2 * a[0];
            }
            return a[0] + b[0];
          }
        }
        """, "a == b", "double[]");
    // a == b is a boolean in Java; once it is refused, calling it a non-boolean condition is
    // a second, false report about the same code.
    assertNoErrorContaining(o.compilation(), "a condition must be a boolean",
        "the refused comparison is reported again as a non-boolean condition");
  }

  @Test
  void jg111LoopConditionWithSideEffects() {
    expectError("JG111", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x, int n) {
            double y = x;
            int i = 0;
            while (i++ < n) { // <- here
              y = y * x;
            }
            return y;
          }
        }
        """, "i++ < n");
  }

  @Test
  void jg111DoWhileCondition() {
    expectError("JG111", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x, int n) {
            int i = 0;
            do {
              x = x * 2;
            } while (i++ < n); // <- here
            return x;
          }
        }
        """, "i++ < n");
  }

  @Test
  void jg112GradientWrittenIntoArrayNotInWrt() {
    expectError("JG112", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable(wrt = {"x"})
          static double f(double x, double[] out) {
            out[0] = x * x; // <- here
            return x;
          }
        }
        """, "'out'", "wrt");
  }

  @Test
  void jg112OnALineThatStartsWithAComment() {
    expectError("JG112", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable(wrt = {"x"})
          static double f(double x, double[] out) {
            double y = x;
            /* keep a copy */ out[0] = y; // <- here
            return x;
          }
        }
        """, "'out'");
  }

  @Test
  void jg113GradientIntoCalleesNonWrtParameter() {
    expectError("JG113", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable(wrt = {"a"})
          static double g(double a, double b) {
            return a * b;
          }

          @Differentiable
          static double f(double x) {
            return g(2.0, x); // <- here
          }
        }
        """, "'x'", "'b'");
  }

  @Test
  void jg115PrivateNonConstantStaticFinal() {
    expectError("JG115", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          private static final double SCALE = Math.sqrt(2.0);

          @Differentiable
          static double f(double x) {
            return x * SCALE; // <- here
          }
        }
        """, "SCALE", "private");
  }

  @Test
  void jg116PrivateHelper() {
    expectError("JG116", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          private static double half(double v) {
            return v / 2;
          }

          @Differentiable
          static double f(double x) {
            return x * half(3.0); // <- here
          }
        }
        """, "half", "private");
  }
}
