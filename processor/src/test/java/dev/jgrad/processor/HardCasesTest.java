package dev.jgrad.processor;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.jgrad.processor.testing.Closeness;
import dev.jgrad.processor.testing.Differentiated;
import dev.jgrad.processor.testing.HardCase;
import dev.jgrad.processor.testing.JsonArgs;
import dev.jgrad.runtime.Gradient;
import dev.jgrad.runtime.GradientCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every case of the project's hard-case collection ({@code /cases/cases.json}) as a named test:
 * the processor must compile it under {@code -Xlint:all -Werror}, and the generated gradient must
 * match the exact expected one, finite differences and the plain method.
 */
class HardCasesTest {
  /** Value: the plain method is evaluated by the same Java code, so it should be bit-for-bit. */
  private static final double VALUE_TOLERANCE = 1e-15;
  /** Gradient: exact derivatives, rounded; the generated code may round differently. */
  static final double GRADIENT_TOLERANCE = 1e-12;
  /** Central differences at the default step are good to about 1e-9 on these functions. */
  private static final double CHECK_TOLERANCE = 1e-6;

  /**
   * Points near the case's inputs but off the kink the inputs sit on. Finite differences
   * straddle the kink there and average the one-sided slopes (or, for pow at a zero base, read
   * NaN on the left), so they cannot confirm the kink convention; the exact expected gradient
   * checks that, and finite differences check the smooth pieces at these points instead.
   */
  private static final Map<String, String> AWAY_FROM_KINK = Map.of(
      // tieMix: a == b ties Math.max and Math.min; separate them.
      "B18", "{\"a\": 1.25, \"b\": 1.0, \"c\": 2.0}",
      // absKink: x == 0 is the kink of |x|; y - 2 stays away from its own kink.
      "B19", "{\"x\": 0.3, \"y\": 3.0}",
      // powEdges: a == 0 is the edge of pow(a, 2.5)'s domain; move inside it.
      "B20", "{\"a\": 0.5, \"b\": 2.5, \"c\": -2.0}");

  @TestFactory
  Stream<DynamicTest> hardCases() {
    return HardCase.load().stream().map(c -> DynamicTest.dynamicTest(
        c.id() + " " + c.kind() + " " + c.method(), () -> check(c)));
  }

  private static void check(HardCase c) {
    Differentiated f = c.compile();
    Object[] args = c.arguments(f);
    // Fresh copies for every call: B09 and B13 write into their array arguments.
    double plain = f.value(JsonArgs.copy(args));
    Gradient g = f.gradient(JsonArgs.copy(args));
    assertAll(c.id() + " " + c.method(),
        () -> assertTrue(Closeness.close(c.expectedValue(), plain, VALUE_TOLERANCE),
            "(a) plain value: expected " + c.expectedValue() + ", got " + plain),
        () -> assertEquals(c.wrt(f), f.function().wrt(), "(b) differentiated parameters"),
        gradientMatches(c, f, g),
        finiteDifferences(c, f, args),
        () -> assertEquals(plain, g.value(), "(d) record value() against the plain method"));
  }

  /** (b): each component within tolerance of the exact gradient; NaN never is. */
  private static Executable gradientMatches(HardCase c, Differentiated f, Gradient g) {
    return () -> {
      List<String> wrong = new ArrayList<>();
      for (String name : c.wrt(f)) {
        Object actual = Differentiated.component(g, name);
        wrong.addAll(Closeness.mismatches(name, c.expectedGradient(f, name), actual,
            GRADIENT_TOLERANCE));
      }
      assertTrue(wrong.isEmpty(), "(b) gradient: " + String.join("; ", wrong));
    };
  }

  /** (c): the generated gradient against central differences, off the kink for kink cases. */
  private static Executable finiteDifferences(HardCase c, Differentiated f, Object[] args) {
    String away = AWAY_FROM_KINK.get(c.id());
    Object[] at = away == null ? args
        : JsonArgs.arguments(JsonParser.parseString(away).getAsJsonObject(), f);
    return () -> {
      try {
        GradientCheck.check(f.function(), at).assertBelow(CHECK_TOLERANCE);
      } catch (AssertionError e) {
        throw new AssertionError("(c) finite differences at " + Arrays.deepToString(at) + ": "
            + e.getMessage(), e);
      }
    };
  }
}
