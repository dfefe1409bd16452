package dev.jgrad.processor;

import static dev.jgrad.processor.DiagnosticAssertions.assertErrorAt;
import static dev.jgrad.processor.DiagnosticAssertions.assertFailedCleanly;
import static dev.jgrad.processor.DiagnosticAssertions.assertGenerated;
import static dev.jgrad.processor.DiagnosticAssertions.assertNoGenerated;
import static dev.jgrad.processor.DiagnosticAssertions.assertNoInternalError;
import static dev.jgrad.processor.DiagnosticAssertions.compile;
import static dev.jgrad.processor.DiagnosticAssertions.describe;
import static dev.jgrad.processor.DiagnosticAssertions.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.jgrad.processor.DiagnosticAssertions.Outcome;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * How diagnostics behave across a compilation: every problem of a method is reported, not just
 * the first, and one bad class costs only its own generated code.
 */
class DiagnosticsCompilationTest {
  private static final JavaFileObject GOOD = source("pkg.Good", """
      package pkg;

      import dev.jgrad.Differentiable;

      class Good {
        @Differentiable
        static double f(double x, double y) {
          double q = x + y;
          return q * Math.exp(x);
        }
      }
      """);

  /**
   * A baseline: without it, a missing GoodGrad below could be the harness's fault. It also
   * checks that the harness's written-sources view agrees with Compile Testing's, which is
   * available only when a compilation succeeds.
   */
  @Test
  void goodClassAloneCompilesAndGetsItsGradClass() {
    Outcome o = compile(GOOD);
    assertEquals(Compilation.Status.SUCCESS, o.compilation().status(),
        describe(o.compilation()));
    assertNoInternalError(o.compilation());
    assertTrue(o.compilation().generatedSourceFile("pkg.GoodGrad").isPresent());
    assertGenerated(o, "pkg.GoodGrad");
  }

  @Test
  void threeProblemsInOneMethodAreAllReported() {
    JavaFileObject file = source("pkg.Foo", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Foo {
          static double scale = 2.0;

          @Differentiable
          static double f(double x) {
            double y = x * scale; // <- mutable
            long n = 3; // <- long
            return y + Math.random(); // <- random
          }
        }
        """);
    Outcome o = compile(file);
    assertFailedCleanly(o.compilation());
    assertNoGenerated(o, "pkg.FooGrad");
    assertErrorAt(o.compilation(), file, "// <- mutable", "JG106", "scale");
    assertErrorAt(o.compilation(), file, "// <- long", "JG103", "long");
    assertErrorAt(o.compilation(), file, "// <- random", "JG107", "Math.random");
    assertEquals(3, o.compilation().errors().size(),
        "exactly the three problems, nothing more\n" + describe(o.compilation()));
  }

  /**
   * javac compiles nothing generated once an error is reported, and Compile Testing then
   * refuses to show generated files, so "GoodGrad is generated" means jgrad wrote it.
   */
  @Test
  void badClassGetsNoCodeWhileGoodClassDoes() {
    JavaFileObject bad = source("pkg.Bad", """
        package pkg;

        import dev.jgrad.Differentiable;

        class Bad {
          @Differentiable
          static double f(double x) {
            return x * Math.random(); // <- here
          }
        }
        """);
    Outcome o = compile(GOOD, bad);
    assertFailedCleanly(o.compilation());
    assertErrorAt(o.compilation(), bad, "// <- here", "JG107", "Math.random");
    assertNoGenerated(o, "pkg.BadGrad");
    assertGenerated(o, "pkg.GoodGrad");
  }
}
