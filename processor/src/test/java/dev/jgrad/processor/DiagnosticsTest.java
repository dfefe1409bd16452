package dev.jgrad.processor;

import static dev.jgrad.processor.DiagnosticAssertions.assertErrorAt;
import static dev.jgrad.processor.DiagnosticAssertions.assertFailedCleanly;
import static dev.jgrad.processor.DiagnosticAssertions.assertNoErrorWithId;
import static dev.jgrad.processor.DiagnosticAssertions.assertNoGenerated;
import static dev.jgrad.processor.DiagnosticAssertions.compile;
import static dev.jgrad.processor.DiagnosticAssertions.expectError;
import static dev.jgrad.processor.DiagnosticAssertions.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.jgrad.processor.DiagnosticAssertions.Outcome;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per diagnostic about a method's declaration and its {@code wrt} list (JG001 to
 * JG011). Problems with the signature must point at the signature line, where the fix goes,
 * and problems with {@code wrt} at the annotation that holds it. Body problems are in
 * {@link DiagnosticsBodyTest}.
 *
 * <p>JG007 (no source) is reached from source only when JavaParser cannot parse a file javac
 * accepts; a Unicode escape inside a keyword is such a file.
 */
class DiagnosticsTest {
  @Test
  void jg001InstanceMethod() {
    expectError("JG001", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          double f(double x) { // <- here
            return x * x;
          }
        }
        """, "not static", "f");
  }

  @Test
  void jg002ReturnTypeIsNotDouble() {
    expectError("JG002", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static int f(double x) { // <- here
            return (int) x;
          }
        }
        """, "returns int");
  }

  @Test
  void jg003ParameterOfTypeFloat() {
    // The parameter sits on its own line so that the test sees whether the error points at
    // the parameter rather than at the method.
    expectError("JG003", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x,
              float y) { // <- here
            return x * y;
          }
        }
        """, "parameter y", "float");
  }

  @Test
  void jg004WrtNamesNonParameter() {
    expectError("JG004", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable(wrt = {"z"}) // <- here
          static double f(double x) {
            return x * x;
          }
        }
        """, "'z'", "not a parameter");
  }

  @Test
  void jg005WrtNamesIntParameter() {
    expectError("JG005", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable(wrt = {"n"}) // <- here
          static double f(double x, int n) {
            return x * n;
          }
        }
        """, "'n'", "int");
  }

  @Test
  void jg006DuplicateWrt() {
    Outcome o = expectError("JG006", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable(wrt = {"x", "x"}) // <- here
          static double f(double x, double y) {
            return x * y;
          }
        }
        """, "'x'", "twice");
    // The duplicate is one mistake; reporting it again as two parameters whose gradient names
    // clash would tell the user to rename a parameter that has no twin.
    assertNoErrorWithId(o.compilation(), "JG011", "a duplicate wrt entry is not a name clash");
  }

  @Test
  void unicodeEscapesAreReadAsJavacReadsThem() {
    // JG007 (source cannot be read) has no known trigger in source javac accepts: an escaped
    // keyword used to be one, until jgrad decoded escapes before parsing, as javac does. The
    // backslash is doubled so that the escape reaches the file rather than this test's source.
    Compilation c = Compiler.javac().withProcessors(new JgradProcessor()).compile(
        JavaFileObjects.forSourceString("pkg.Foo", """
            package pkg;

            import dev.jgrad.Differentiable;

            class Foo {
              @Differentiable
              static double f(double x) {
                \\u0072eturn x * x;
              }
            }
            """));
    assertEquals(Compilation.Status.SUCCESS, c.status(), () -> c.diagnostics().toString());
  }

  @Test
  void jg008GenericMethod() {
    expectError("JG008", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static <T> double f(double x) { // <- here
            return x * x;
          }
        }
        """, "generic");
  }

  @Test
  void jg008Varargs() {
    expectError("JG008", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double... xs) { // <- here
            return xs[0];
          }
        }
        """, "varargs");
  }

  @Test
  void jg009OverloadedMethods() {
    // Both overloads are at fault, so each must be reported where it is declared.
    JavaFileObject file = source("pkg.Foo", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x) { // <- first
            return x * x;
          }

          @Differentiable
          static double f(double x, double y) { // <- second
            return x * y;
          }
        }
        """);
    Outcome o = compile(file);
    assertFailedCleanly(o.compilation());
    assertNoGenerated(o, "pkg.FooGrad");
    assertErrorAt(o.compilation(), file, "// <- first", "JG009", "overloaded");
    assertErrorAt(o.compilation(), file, "// <- second", "JG009", "overloaded");
  }

  @Test
  void jg010PrivateMethod() {
    expectError("JG010", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          private static double f(double x) { // <- here
            return x * x;
          }
        }
        """, "private");
  }

  @Test
  void jg011GradientNamesClash() {
    // x and X both give the gradient accessor dX.
    expectError("JG011", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          @Differentiable
          static double f(double x, double X) { // <- here
            return x * X;
          }
        }
        """, "dX");
  }
}
