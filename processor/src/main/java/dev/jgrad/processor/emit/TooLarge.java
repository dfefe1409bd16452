package dev.jgrad.processor.emit;

/**
 * A generated method that would exceed what the JVM allows in one method (64 KB of bytecode):
 * javac would reject the generated file, so the processor reports it on the source method.
 */
public final class TooLarge extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Statements per method well below the point where javac's "code too large" starts (about
   * 4,700 for the dense straight-line code measured here), leaving room for longer statements.
   */
  static final int STATEMENT_LIMIT = 4_000;

  private final String method;
  private final int statements;

  TooLarge(String method, int statements) {
    super(method + ": " + statements + " statements");
    this.method = method;
    this.statements = statements;
  }

  public String method() {
    return method;
  }

  public int statements() {
    return statements;
  }

  /** Throws when {@code code} has more statements than one JVM method can hold. */
  static void check(String method, com.palantir.javapoet.CodeBlock code) {
    String text = code.toString();
    int statements = 0;
    for (int i = text.indexOf(";\n"); i >= 0; i = text.indexOf(";\n", i + 2)) {
      statements++;
    }
    if (statements > STATEMENT_LIMIT) {
      throw new TooLarge(method, statements);
    }
  }
}
