package dev.jgrad.processor.testing;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.jgrad.processor.JgradProcessor;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;

/**
 * Compiles Java sources in memory with the jgrad processor, the way a strict user build would.
 *
 * <p>Typical use:
 *
 * <pre>
 * Compiled c = InMemory.compile(InMemory.source("p.Foo", "package p; ..."));
 * double v = c.method("p.Foo", "f").value(1.0, 2.0);
 * List&lt;Reported&gt; errors = InMemory.compileFailing(InMemory.source("p.Bad", "..."));
 * </pre>
 */
public final class InMemory {
  /**
   * The options of a strict build: every lint warning is an error, so generated code that draws
   * any warning fails here. {@code -parameters} only keeps parameter names in the class files, so
   * that tests can match arguments by name through reflection; the processor reads source trees
   * and does not see it.
   */
  public static final List<String> OPTIONS = List.of("-Xlint:all", "-Werror", "-parameters");

  private InMemory() {}

  /** The compiler every helper here uses: javac with a fresh processor and {@link #OPTIONS}. */
  public static Compiler compiler() {
    return Compiler.javac().withProcessors(new JgradProcessor()).withOptions(OPTIONS);
  }

  /** A source file for the class {@code qualifiedName} with the given text. */
  public static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /**
   * Compiles {@code sources} and loads every class, user's and generated.
   *
   * @throws AssertionError if the compilation fails; its message lists the diagnostics with their
   *     source lines and the generated sources, which is usually enough to see what went wrong
   */
  public static Compiled compile(JavaFileObject... sources) {
    Compilation compilation = compiler().compile(sources);
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError("compilation failed:\n" + describe(compilation));
    }
    return new Compiled(compilation);
  }

  /**
   * Compiles {@code sources}, expecting failure, and returns its diagnostics of every kind in the
   * order javac reported them.
   *
   * @throws AssertionError if the compilation succeeds
   */
  public static List<Reported> compileFailing(JavaFileObject... sources) {
    Compilation compilation = compiler().compile(sources);
    if (compilation.status() == Compilation.Status.SUCCESS) {
      throw new AssertionError("compilation succeeded but was expected to fail:\n"
          + describe(compilation));
    }
    return diagnostics(compilation);
  }

  /** All diagnostics of a compilation, with their lines. */
  public static List<Reported> diagnostics(Compilation compilation) {
    return compilation.diagnostics().stream().map(Reported::of).collect(Collectors.toList());
  }

  /** The diagnostics, then each generated source file with line numbers. */
  static String describe(Compilation compilation) {
    StringBuilder out = new StringBuilder();
    for (Reported r : diagnostics(compilation)) {
      out.append(r).append('\n');
    }
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      out.append("---- generated ").append(file.getName()).append('\n')
          .append(Compiled.numbered(Compiled.text(file)));
    }
    return out.toString();
  }
}
