package dev.jgrad.processor.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.jgrad.processor.JgradProcessor;
import dev.jgrad.runtime.DifferentiableFunction;
import dev.jgrad.runtime.Gradient;
import dev.jgrad.runtime.GradientCheck;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call of a {@code @Differentiable} method that reaches the caller only as a class file: the
 * library is compiled first (without {@code -parameters}, so its parameter names are gone), and
 * the caller is compiled against its class files alone, as against a jar.
 */
class LibraryCallTest {
  private static final String LIB = """
      package lib;

      import dev.jgrad.Differentiable;

      public final class Lib {
        @Differentiable(wrt = {"a", "w"})
        public static double weighted(double a, double[] w, double c) {
          double s = 0.0;
          for (double v : w) {
            s += v * v * a;
          }
          return s + c;
        }

        @Differentiable
        public static double scaleInPlace(double[] v, double k) {
          for (int i = 0; i < v.length; i++) {
            v[i] *= k;
          }
          return v[0];
        }
      }
      """;

  private static final String APP = """
      package app;

      import dev.jgrad.Differentiable;
      import lib.Lib;

      public final class App {
        @Differentiable
        public static double f(double x, double[] w) {
          double[] copy = {w[0] * x, w[1]};
          double head = Lib.scaleInPlace(copy, x);
          return Lib.weighted(x * x, w, 3.0) * head + copy[1];
        }
      }
      """;

  @Test
  void callsThroughAClassFileUseTheLibrarysPullback(@TempDir Path dir) throws Exception {
    Path libOut = dir.resolve("lib");
    Path appOut = dir.resolve("app");
    Compilation lib = Compiler.javac().withProcessors(new JgradProcessor())
        .withOptions("-Xlint:all", "-Werror")
        .compile(JavaFileObjects.forSourceString("lib.Lib", LIB));
    assertEquals(Compilation.Status.SUCCESS, lib.status(), () -> lib.diagnostics().toString());
    writeClasses(lib, libOut);

    List<File> classpath = new ArrayList<>();
    classpath.add(libOut.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    Compilation app = Compiler.javac().withProcessors(new JgradProcessor())
        .withOptions("-Xlint:all", "-Werror").withClasspath(classpath)
        .compile(JavaFileObjects.forSourceString("app.App", APP));
    assertEquals(Compilation.Status.SUCCESS, app.status(), () -> app.diagnostics().toString());
    String generated = app.generatedSourceFile("app.AppGrad").get().getCharContent(true)
        .toString();
    assertTrue(generated.contains("LibGrad.scaleInPlaceAdjoint("), generated);
    assertTrue(generated.contains("LibGrad.weightedPullback("), generated);
    writeClasses(app, appOut);

    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {libOut.toUri().toURL(), appOut.toUri().toURL()},
        LibraryCallTest.class.getClassLoader())) {
      Class<?> grad = loader.loadClass("app.AppGrad");
      DifferentiableFunction f = (DifferentiableFunction) grad.getMethod("fFunction").invoke(null);
      double x = 0.7;
      double[] w = {1.5, -0.5};
      GradientCheck.check(f, x, w).assertBelow(1e-8);
      Gradient g = f.gradient(x, w.clone());
      // scaleInPlace leaves copy = {w0 x^2, w1 x}: f = (x^2 (w0^2 + w1^2) + 3) w0 x^2 + w1 x
      double sq = w[0] * w[0] + w[1] * w[1];
      double outer = x * x * sq + 3.0;
      double head = w[0] * x * x;
      double dx = 2 * x * sq * head + outer * 2 * w[0] * x + w[1];
      assertEquals(dx, (Double) g.gradient("x"), 1e-12);
      double[] dw = {2 * w[0] * x * x * head + outer * x * x, 2 * w[1] * x * x * head + x};
      assertArrayEquals(dw, (double[]) g.gradient("w"), 1e-12);
    }
  }

  private static void writeClasses(Compilation c, Path root) throws IOException {
    for (JavaFileObject file : c.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      String relative = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length());
      Path target = root.resolve(relative);
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.copy(in, target);
      }
    }
  }
}
