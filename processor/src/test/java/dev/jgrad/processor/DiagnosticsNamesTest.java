package dev.jgrad.processor;

import static dev.jgrad.processor.DiagnosticAssertions.expectError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics about names and reachability: what the generated class would call, declare or
 * hide, and helpers whose writes jgrad cannot follow.
 */
class DiagnosticsNamesTest {
  @Test
  void jg104UnknownName() {
    // jgrad resolves names as javac does, so in valid Java every name is found; an unknown one
    // is also javac's error. jgrad must still report it on its line, not crash or stay silent.
    Compilation c = Compiler.javac().withProcessors(new JgradProcessor())
        .compile(JavaFileObjects.forSourceString("pkg.Foo", """
            package pkg;

            import dev.jgrad.Differentiable;

            class Foo {
              @Differentiable
              static double f(double x) {
                return x * undefinedRate;
              }
            }
            """));
    assertTrue(c.errors().stream().anyMatch(d -> d.getMessage(null).startsWith("[JG104]")
        && d.getLineNumber() == 8 && d.getKind() == Diagnostic.Kind.ERROR), c.errors()::toString);
  }

  @Test
  void jg012GeneratedMembersWouldClash() {
    expectError("JG012", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x) {
            return x;
          }

          @Differentiable
          static double fPullback(double x) { // <- here
            return x * x;
          }
        }
        """, "fPullback");
  }

  @Test
  void jg013LocalHidesMath() {
    expectError("JG013", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x) {
            double Math = 2.0; // <- here
            return x * Math;
          }
        }
        """, "Math", "rename");
  }

  @Test
  void jg014MethodInPrivateNestedClass() {
    expectError("JG014", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          private static final class Hidden {
            @Differentiable
            static double f(double x) { // <- here
              return x * x;
            }
          }
        }
        """, "private class Hidden");
  }

  @Test
  void jg117ArrayConstant() {
    expectError("JG117", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          static final double[] W = {1.0, 2.0};

          @Differentiable
          static double f(double x) {
            return x * W[0]; // <- here
          }
        }
        """, "W", "parameter");
  }

  @Test
  void jg118HelperWritesAGradientIntoAnArray() {
    expectError("JG118", """
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
            int unused = put(w, x * 2); // <- here
            return w[0];
          }
        }
        """, "put", "'w'");
  }
}
