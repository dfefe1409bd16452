package dev.jgrad.processor.testing;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;

/**
 * A successful in-memory compilation with its classes loaded: the way into the user's methods,
 * the generated {@code FooGrad} methods, and the generated source text.
 */
public final class Compiled {
  private final Compilation compilation;
  private final ClassLoader loader;

  Compiled(Compilation compilation) {
    this.compilation = compilation;
    this.loader = new MemoryClassLoader(compilation.generatedFiles(),
        Compiled.class.getClassLoader());
  }

  /** The underlying compile-testing result, for assertions on warnings or files. */
  public Compilation compilation() {
    return compilation;
  }

  /** A compiled class by binary name, such as {@code p.Foo} or {@code p.FooGrad$F}. */
  public Class<?> loadClass(String binaryName) {
    try {
      return Class.forName(binaryName, true, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no class " + binaryName + " in the compilation", e);
    }
  }

  /**
   * The {@code @Differentiable} method {@code method} of {@code owner} (qualified name) together
   * with its generated counterparts in {@code ownerGrad}.
   */
  public Differentiated method(String owner, String method) {
    return new Differentiated(loadClass(owner), loadClass(owner + "Grad"), method);
  }

  /**
   * The text of a generated source file, such as {@code generatedSource("p.FooGrad")}.
   *
   * @throws AssertionError if the processor wrote no such file
   */
  public String generatedSource(String qualifiedName) {
    return text(compilation.generatedSourceFile(qualifiedName)
        .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName)));
  }

  /**
   * One generated method's text: from the first occurrence of {@code declaration} (such as
   * {@code "double fPullback("}) to the method's closing brace.
   */
  public String generatedMethod(String qualifiedName, String declaration) {
    String text = generatedSource(qualifiedName);
    int start = text.indexOf(declaration);
    if (start < 0) {
      throw new AssertionError("no " + declaration + " in " + qualifiedName + ":\n" + text);
    }
    String rest = text.substring(start);
    return rest.substring(0, rest.indexOf("\n    }\n"));
  }

  /** The same text with 1-based line numbers, to quote in failure messages. */
  public String numberedSource(String qualifiedName) {
    return numbered(generatedSource(qualifiedName));
  }

  static String text(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String numbered(String text) {
    StringBuilder out = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      out.append(String.format("%4d  %s%n", i + 1, lines[i]));
    }
    return out.toString();
  }
}
