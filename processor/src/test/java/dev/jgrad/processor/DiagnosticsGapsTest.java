package dev.jgrad.processor;

import static dev.jgrad.processor.DiagnosticAssertions.HERE;
import static dev.jgrad.processor.DiagnosticAssertions.assertFailedCleanly;
import static dev.jgrad.processor.DiagnosticAssertions.assertRefusedCleanlyOrCompiled;
import static dev.jgrad.processor.DiagnosticAssertions.assertSomeErrorAt;
import static dev.jgrad.processor.DiagnosticAssertions.compile;
import static dev.jgrad.processor.DiagnosticAssertions.source;

import dev.jgrad.processor.DiagnosticAssertions.Outcome;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Valid Java that jgrad must either handle or refuse with its own error, found while writing
 * the per-id tests: names that collide with what the generated class declares, classes the
 * generated class cannot reach, annotated methods jgrad never sees, and a helper call that
 * loses a gradient without a word.
 *
 * <p>Where jgrad may reasonably do either (support the code, or refuse it), a test accepts
 * both and fails only on a broken outcome: an error inside generated code, an error that is
 * not jgrad's, or an internal error. Where no correct code can be generated, a test asks for a
 * jgrad error on the marked line, whatever its id.
 */
class DiagnosticsGapsTest {
  @Test
  void methodsNamedFAndCapitalF() {
    // Both would get a record F and a constant F_FUNCTION in FooGrad.
    assertRefusedCleanlyOrCompiled(compile(source("pkg.Foo", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x) {
            return x * x;
          }

          @Differentiable
          static double F(double x) {
            return 3 * x;
          }
        }
        """)));
  }

  @Test
  void methodNamedValue() {
    // FooGrad's DifferentiableFunction declares value(Object...), which hides the generated
    // top-level value(double) inside it.
    assertRefusedCleanlyOrCompiled(compile(source("pkg.Foo", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double value(double x) {
            return x * x;
          }
        }
        """)));
  }

  @Test
  void methodNamedName() {
    assertRefusedCleanlyOrCompiled(compile(source("pkg.Foo", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double name(double x) {
            return x * x;
          }
        }
        """)));
  }

  @Test
  void localsNamedLikeGeneratedVariables() {
    // xBar is the usual name for a mean; upstream and g2 are names the pullback uses too.
    assertRefusedCleanlyOrCompiled(compile(source("pkg.Foo", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x) {
            double xBar = x * 2;
            double upstream = xBar * x;
            double g2 = upstream + 1;
            return g2 + Math.sin(x);
          }
        }
        """)));
  }

  @Test
  void parameterNamedMath() {
    // The derivative of sin is written as Math.cos, which the parameter would shadow.
    assertRefusedCleanlyOrCompiled(compile(source("pkg.Foo", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x, double Math) {
            return java.lang.Math.sin(x) * Math;
          }
        }
        """)));
  }

  @Test
  void methodInPrivateNestedClass() {
    // Foo_InnerGrad lives outside Foo and cannot name Foo.Inner.
    assertRefusedCleanlyOrCompiled(compile(source("pkg.Foo", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          private static class Inner {
            @Differentiable
            static double f(double x) {
              return x * x;
            }
          }
        }
        """)));
  }

  @Test
  void constantAndHelperOfPrivateNestedClass() {
    // The field is not a compile-time constant and the helper is package-private, but both
    // belong to a private class, so FooGrad cannot reach either.
    assertRefusedCleanlyOrCompiled(compile(source("pkg.Foo", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          private static class In {
            static final double K = Math.sqrt(2.0);

            static double half(double v) {
              return v / 2;
            }
          }

          @Differentiable
          static double f(double x) {
            return x * In.K * In.half(3.0);
          }
        }
        """)));
  }

  @Test
  void annotatedMethodInLocalClass() {
    // No class can be generated for a local class, so silence would leave the annotation
    // without effect and the user without a word. javac shows processors no annotation inside a
    // method body, so jgrad finds these by reading the files of a build that has visible
    // @Differentiable methods too (as here); a build with none is a limit in the README.
    JavaFileObject file = source("pkg.Foo", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double visible(double x) {
            return x;
          }

          static double run(double y) {
            class Local {
              @Differentiable
              static double g(double x) { // <- here
                return x * x;
              }
            }
            return Local.g(y);
          }
        }
        """);
    Outcome o = compile(file);
    assertFailedCleanly(o.compilation());
    assertSomeErrorAt(o.compilation(), file, HERE);
  }

  @Test
  void annotatedMethodInAnonymousClass() {
    JavaFileObject file = source("pkg.Foo", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double visible(double x) {
            return x;
          }

          static final Object HOLDER = new Object() {
            @Differentiable
            double g(double x) { // <- here
              return x * x;
            }
          };
        }
        """);
    Outcome o = compile(file);
    assertFailedCleanly(o.compilation());
    assertSomeErrorAt(o.compilation(), file, HERE);
  }

  @Test
  void intHelperThatStoresAGradientIntoAnArray() {
    // An int result is piecewise constant, but this helper also writes x * 2 into w, and the
    // generated code cannot see that: the gradient comes out 0 instead of 2.
    JavaFileObject file = source("pkg.Foo", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          static int put(double[] a, double v) {
            a[0] = v;
            return 0;
          }

          @Differentiable
          static double f(double x) {
            double[] w = new double[1];
            put(w, x * 2); // <- here
            return w[0];
          }
        }
        """);
    Outcome o = compile(file);
    assertFailedCleanly(o.compilation());
    assertSomeErrorAt(o.compilation(), file, HERE);
  }
}
