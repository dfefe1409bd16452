package dev.jgrad.processor.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.jgrad.processor.JgradProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Exact-text goldens of generated code. They pin the shape a reader sees (names, comments,
 * order of the reverse sweep); a change here should be a deliberate one. To update after an
 * intended change, print the generated text and replace the resource.
 */
class GoldenTest {
  static final String GATES_SOURCE = String.join("\n",
      "package golden;",
      "",
      "import dev.jgrad.Differentiable;",
      "",
      "public final class Gates {",
      "  @Differentiable",
      "  public static double f(double x, double y, double z) {",
      "    double q = x + y;",
      "    return q * z;",
      "  }",
      "",
      "  @Differentiable(wrt = {\"g\", \"s\"})",
      "  public static double growth(double g, double s, int periods) {",
      "    double level = 2.0;",
      "    for (int p = 0; p < periods; p++) {",
      "      level = level * g + s;",
      "    }",
      "    return Math.max(level, 0.0);",
      "  }",
      "}",
      "");

  @Test
  void gatesAndLoopMatchTheGolden() throws IOException {
    assertEquals(golden("GatesGrad.java.txt"), generate(GATES_SOURCE));
  }

  @Test
  void sameSourceGivesSameBytes() throws IOException {
    // Two separate compilations: anything order- or hash-dependent would make them differ.
    String first = generate(GATES_SOURCE);
    String second = generate(GATES_SOURCE);
    assertEquals(first, second, "generated code differs between two compilations");
  }

  static String generate(String source) throws IOException {
    JavaFileObject file = JavaFileObjects.forSourceString("golden.Gates", source);
    Compilation c = Compiler.javac().withProcessors(new JgradProcessor())
        .withOptions("-Xlint:all", "-Werror").compile(file);
    assertEquals(Compilation.Status.SUCCESS, c.status(), () -> c.diagnostics().toString());
    assertTrue(c.generatedSourceFile("golden.GatesGrad").isPresent());
    return c.generatedSourceFile("golden.GatesGrad").get().getCharContent(true).toString();
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = GoldenTest.class.getResourceAsStream("/golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
