package dev.jgrad.processor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.runtime.Gradient;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** The harness itself, on a method whose gradient is known by hand. */
class InMemoryTest {
  private static final String SQUARE = """
      package p;

      import dev.jgrad.Differentiable;

      final class Sq {
        private Sq() {}

        @Differentiable
        static double f(double x, int n) {
          return n * x * x;
        }
      }
      """;

  @Test
  void callsThePlainMethodAndEveryGeneratedOne() {
    Compiled c = InMemory.compile(InMemory.source("p.Sq", SQUARE));
    Differentiated f = c.method("p.Sq", "f");
    assertEquals(List.of("x", "n"), f.parameterNames());
    assertEquals(18.0, f.value(3.0, 2));
    Gradient g = f.gradient(3.0, 2);
    assertEquals(18.0, g.value());
    assertEquals(12.0, (Double) Differentiated.component(g, "x"));
    double[] dx = {1.0};
    assertEquals(18.0, f.pullback(new Object[] {3.0, 2}, 0.5, dx));
    assertEquals(7.0, dx[0]);
    assertEquals(List.of("x"), f.function().wrt());
    assertTrue(c.generatedSource("p.SqGrad").contains("class SqGrad"));
  }

  @Test
  void failedCompilationsGiveLinesAndTheirText() {
    String broken = SQUARE.replace("static double f", "double f");
    List<Reported> reported = InMemory.compileFailing(InMemory.source("p.Sq", broken));
    Reported error = reported.stream().filter(r -> r.kind() == Diagnostic.Kind.ERROR)
        .findFirst().orElseThrow(() -> new AssertionError("no error in " + reported));
    assertTrue(error.line() > 0, error::toString);
    assertEquals(broken.lines().toList().get((int) error.line() - 1), error.sourceLine());
  }
}
