package dev.jgrad.processor;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.processor.testing.Closeness;
import dev.jgrad.processor.testing.Differentiated;
import dev.jgrad.processor.testing.HardCase;
import dev.jgrad.processor.testing.JsonArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hard cases through the generated {@code fPullback}: it must return the plain value and
 * add {@code upstream} times the expected gradient into the caller's buffers.
 */
class HardCasePullbacksTest {
  @TestFactory
  Stream<DynamicTest> hardCasePullbacks() {
    return HardCase.load().stream().map(c -> DynamicTest.dynamicTest(
        c.id() + " " + c.kind() + " " + c.method() + "Pullback", () -> check(c)));
  }

  private static void check(HardCase c) {
    Differentiated f = c.compile();
    Object[] args = c.arguments(f);
    List<String> wrt = c.wrt(f);
    Object[] buffers = new Object[wrt.size()];
    Object[] twice = new Object[wrt.size()];
    Object[] thrice = new Object[wrt.size()];
    for (int i = 0; i < buffers.length; i++) {
      Object e = c.expectedGradient(f, wrt.get(i));
      buffers[i] = e instanceof Double ? new double[1] : zeros(e);
      twice[i] = scaled(e, 2);
      thrice[i] = scaled(e, 3);
    }
    double plain = f.value(JsonArgs.copy(args));
    // Upstream 2 scales exactly; a second call with upstream 1 must add to the buffers, not
    // overwrite them. Fresh argument copies each time, as some cases write into their arrays.
    double first = f.pullback(JsonArgs.copy(args), 2.0, buffers);
    List<String> afterFirst = mismatches(wrt, twice, buffers);
    f.pullback(JsonArgs.copy(args), 1.0, buffers);
    List<String> afterSecond = mismatches(wrt, thrice, buffers);
    assertAll(c.id() + " " + c.method() + "Pullback",
        () -> assertEquals(plain, first, "return value against the plain method"),
        () -> assertTrue(afterFirst.isEmpty(), "upstream 2: " + afterFirst),
        () -> assertTrue(afterSecond.isEmpty(), "then upstream 1 added: " + afterSecond));
  }

  private static List<String> mismatches(List<String> wrt, Object[] expected, Object[] buffers) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < buffers.length; i++) {
      Object actual = expected[i] instanceof Double ? (Object) ((double[]) buffers[i])[0]
          : buffers[i];
      out.addAll(Closeness.mismatches(wrt.get(i), expected[i], actual,
          HardCasesTest.GRADIENT_TOLERANCE));
    }
    return out;
  }

  private static Object zeros(Object shape) {
    if (shape instanceof double[] v) {
      return new double[v.length];
    }
    double[][] m = (double[][]) shape;
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = new double[m[i].length];
    }
    return out;
  }

  private static Object scaled(Object value, double factor) {
    if (value instanceof Double d) {
      return d * factor;
    }
    if (value instanceof double[] v) {
      double[] out = v.clone();
      for (int i = 0; i < out.length; i++) {
        out[i] *= factor;
      }
      return out;
    }
    double[][] m = (double[][]) value;
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = (double[]) scaled(m[i], factor);
    }
    return out;
  }
}
