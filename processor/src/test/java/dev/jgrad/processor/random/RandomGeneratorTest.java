package dev.jgrad.processor.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.jgrad.processor.testing.InMemory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The generator and both writers, without the processor: what the random tests stand on. */
class RandomGeneratorTest {
  @Test
  void aSeedAndAnIndexAlwaysGiveTheSameProgram() {
    Campaign a = new Campaign(5);
    Campaign b = new Campaign(5);
    for (int i = 0; i < 20; i++) {
      assertEquals(JavaText.methods(a.program(i)), JavaText.methods(b.program(i)));
    }
    assertNotEquals(JavaText.methods(a.program(0)), JavaText.methods(a.program(1)));
    assertNotEquals(JavaText.methods(a.program(0)), JavaText.methods(new Campaign(6).program(0)));
  }

  @Test
  void generatedProgramsAreWellFormed() {
    Campaign c = new Campaign(11);
    for (int i = 0; i < 300; i++) {
      Program p = c.program(i);
      assertTrue(WellFormed.check(p), () -> JavaText.methods(p));
    }
  }

  /**
   * Both texts of many programs compile under the strict options with no processor, so a
   * compile failure in a random run is jgrad's, not the writers'.
   */
  @Test
  void plainAndOracleTextsCompileWithoutWarnings() {
    Campaign c = new Campaign(12);
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      Program p = c.program(i);
      sources.add(InMemory.source("rnd.G" + i, JavaText.unit("G" + i, p)));
      sources.add(InMemory.source("rnd.G" + i + "Oracle", OracleText.unit("G" + i + "Oracle", p)));
    }
    Compilation result = Compiler.javac().withOptions(InMemory.OPTIONS).compile(sources);
    assertEquals(Compilation.Status.SUCCESS, result.status(),
        () -> InMemory.diagnostics(result).toString());
    assertTrue(result.warnings().isEmpty(), () -> result.warnings().toString());
  }

  /** Implicit int-to-double conversions must not turn double arithmetic into int arithmetic. */
  @Test
  void twoIntsInDoubleArithmeticGetACast() {
    Expr i = new Expr.ToDouble(new Expr.Var("n", Ty.INT), false);
    Expr j = new Expr.ToDouble(new Expr.Int(2), false);
    assertEquals("(double) n / 2", JavaText.expr(new Expr.Bin("/", i, j, Ty.DOUBLE)));
    Expr x = new Expr.Var("x", Ty.DOUBLE);
    assertEquals("n / x", JavaText.expr(new Expr.Bin("/", i, x, Ty.DOUBLE)));
    assertEquals("(int) (double) n", JavaText.expr(new Expr.ToInt(i)));
  }

  @Test
  void inputsFollowTheEntrysParameters() {
    Fn f = new Fn("f", List.of(new Fn.Param("x", Ty.DOUBLE), new Fn.Param("a", Ty.ARRAY),
        new Fn.Param("n", Ty.INT), new Fn.Param("flag", Ty.BOOL), new Fn.Param("m", Ty.MATRIX),
        new Fn.Param("idx", Ty.INTS)), List.of(), List.of());
    Object[] args = Inputs.draw(f, new java.util.SplittableRandom(1));
    assertTrue(args[0] instanceof Double d && Math.abs(d) <= Inputs.SPAN);
    assertTrue(args[1] instanceof double[] a && a.length == Generator.ARRAY_LENGTH);
    int n = (Integer) args[2];
    assertTrue(Generator.N_RANGE.lo() <= n && n <= Generator.N_RANGE.hi());
    assertTrue(args[3] instanceof Boolean);
    assertTrue(args[4] instanceof double[][] m && m.length == Generator.MATRIX_ROWS
        && m[1].length == Generator.MATRIX_COLS);
    int[] idx = (int[]) args[5];
    assertEquals(Generator.INDEX_LENGTH, idx.length);
    for (int i : idx) {
      // Every index array value must be in range of every double[] of f.
      assertTrue(Generator.INDEX_VALUES.lo() <= i && i <= Generator.INDEX_VALUES.hi());
      assertTrue(Generator.INDEX_VALUES.lo() >= 0
          && Generator.INDEX_VALUES.hi() < Generator.ARRAY_LENGTH);
    }
    Object[] copy = Inputs.copy(args);
    assertTrue(copy[4] != args[4] && ((double[][]) copy[4])[0] != ((double[][]) args[4])[0]);
    assertEquals(Generator.ARRAY_LENGTH + 1 + Generator.MATRIX_ROWS * Generator.MATRIX_COLS,
        Check.names(new Fn("f", f.params(), List.of(), List.of()), args).size());
  }

  /**
   * Each construct shows up in a fair share of programs, so that the 500 programs of CI test
   * every one of them (and a change to the distribution that starves one fails here).
   */
  @Test
  void everyConstructIsGeneratedOften() {
    Map<String, String> constructs = new LinkedHashMap<>();
    constructs.put("array result", "static double[] f(");
    constructs.put("switch statement or expression", "switch (");
    constructs.put("old-style case", "case 1:");
    constructs.put("arrow case", " -> ");
    constructs.put("yield", "yield ");
    constructs.put("constant", "static final double K");
    constructs.put("computed constant", " = Math.");
    constructs.put("int constant", "static final int N");
    constructs.put("index array", "int[] ");
    constructs.put("index array read", "[idx[");
    constructs.put("matrix", "double[][] m");
    constructs.put("matrix row", "m[0]");
    constructs.put("hand-written rule", "backward = ");
    constructs.put("while", "while (");
    constructs.put("labelled jump", "break L");
    constructs.put("call", "h0(");
    constructs.put("recursion", "r0(");
    Map<String, Integer> counts = new LinkedHashMap<>();
    Campaign c = new Campaign(13);
    int programs = 500;
    for (int i = 0; i < programs; i++) {
      String text = JavaText.methods(c.program(i));
      constructs.forEach((name, marker) -> {
        if (text.contains(marker)) {
          counts.merge(name, 1, Integer::sum);
        }
      });
    }
    for (String name : constructs.keySet()) {
      int n = counts.getOrDefault(name, 0);
      assertTrue(n >= programs / 50, () -> name + " in only " + n + " of " + programs
          + " programs: " + counts);
    }
  }
}
