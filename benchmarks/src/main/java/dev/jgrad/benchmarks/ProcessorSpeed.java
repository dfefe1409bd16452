package dev.jgrad.benchmarks;

import dev.jgrad.processor.JgradProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * How long the processor takes: javac with jgrad minus javac alone, on many small methods and on
 * one 1,000-line method. A plain timing loop (median of repeated runs after warm-up) rather than
 * JMH: each run is a whole compilation, hundreds of milliseconds long.
 *
 * <p>Run: {@code java -cp benchmarks/target/jgrad-benchmarks.jar dev.jgrad.benchmarks.ProcessorSpeed}
 * after {@code mvn -B -Pbench -DskipTests package}.
 */
public final class ProcessorSpeed {
  private static final int RUNS = 7;

  private ProcessorSpeed() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("jgrad-speed");
    int methods = 100;
    Path many = write(dir, "speed/Many.java", manyMethods(methods));
    Path big = write(dir, "speed/Big.java", bigMethod(1000));
    report("many small methods", many, dir, methods);
    report("one 1,000-line method", big, dir, 1);
  }

  private static void report(String what, Path source, Path dir, int methods) {
    for (int warm = 0; warm < 3; warm++) {
      compile(source, dir, true);
      compile(source, dir, false);
    }
    double[] with = new double[RUNS];
    double[] without = new double[RUNS];
    for (int r = 0; r < RUNS; r++) {
      with[r] = compile(source, dir, true);
      without[r] = compile(source, dir, false);
    }
    double processor = median(with) - median(without);
    System.out.printf("%-24s javac alone %.0f ms, with jgrad %.0f ms: jgrad %.1f ms"
        + " (%.2f ms a method)%n", what, median(without), median(with), processor,
        processor / methods);
  }

  /** Milliseconds for one compilation, with or without the processor. */
  private static double compile(Path source, Path dir, boolean jgrad) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(source.toFile());
      // -proc:only: javac parses and enters the source, runs jgrad (or nothing), and stops,
      // so the difference is jgrad's own time, not javac compiling what jgrad wrote.
      List<String> options = new ArrayList<>(List.of("-proc:only", "-d",
          dir.resolve("out").toString(), "-s", dir.resolve("gen").toString(), "-cp",
          System.getProperty("java.class.path")));
      Files.createDirectories(dir.resolve("out"));
      Files.createDirectories(dir.resolve("gen"));
      JavaCompiler.CompilationTask task = javac.getTask(null, files, null, options, null, units);
      task.setProcessors(jgrad ? List.<Processor>of(new JgradProcessor()) : List.of());
      long start = System.nanoTime();
      // The 1,000-line method is refused (JG016) after jgrad has done all its work: still timed.
      task.call();
      return (System.nanoTime() - start) / 1e6;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String manyMethods(int count) {
    StringBuilder s = new StringBuilder("package speed;\n\nimport dev.jgrad.Differentiable;\n\n"
        + "public final class Many {\n");
    for (int k = 0; k < count; k++) {
      s.append("  @Differentiable\n  static double f").append(k)
          .append("(double[] w, double x, int n) {\n")
          .append("    double s = 0.0;\n")
          .append("    for (int i = 0; i < n; i++) {\n")
          .append("      double t = Math.tanh(w[i] * x + ").append(k).append(");\n")
          .append("      if (t > 0) {\n        s += t * t;\n      } else {\n")
          .append("        s -= Math.exp(t) * x;\n      }\n    }\n")
          .append("    return s / n + Math.log1p(x * x);\n  }\n\n");
    }
    return s.append("}\n").toString();
  }

  private static String bigMethod(int lines) {
    StringBuilder s = new StringBuilder("package speed;\n\nimport dev.jgrad.Differentiable;\n\n"
        + "public final class Big {\n  @Differentiable\n"
        + "  static double f(double[] w, double x) {\n    double a0 = x;\n");
    for (int k = 1; k < lines; k++) {
      String prev = "a" + (k - 1);
      // A light mix (two statements of reverse code a line) so that the pullback of 1,000
      // lines still fits in one JVM method; denser lines hit JG016 sooner.
      String expr = k % 2 == 0 ? prev + " * w[" + (k % 8) + "] + x"
          : "Math.tanh(" + prev + ") + w[" + (k % 8) + "]";
      s.append("    double a").append(k).append(" = ").append(expr).append(";\n");
    }
    return s.append("    return a").append(lines - 1).append(";\n  }\n}\n").toString();
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}
