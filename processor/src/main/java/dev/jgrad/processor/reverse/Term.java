package dev.jgrad.processor.reverse;

import com.palantir.javapoet.CodeBlock;

/**
 * A piece of generated Java with the precedence of its top operator, so that composing terms
 * adds parentheses only where Java needs them.
 */
record Term(CodeBlock code, int precedence) {
  static final int ADD = 10;
  static final int MUL = 11;

  static Term atom(String text) {
    return new Term(CodeBlock.of("$L", text), Printer.ATOM);
  }

  static Term atom(CodeBlock code) {
    return new Term(code, Printer.ATOM);
  }

  static Term of(String text, int precedence) {
    return new Term(CodeBlock.of("$L", text), precedence);
  }

  boolean isNegation() {
    return precedence == Printer.UNARY && code.toString().startsWith("-");
  }

  /** The term without its leading minus; only for {@link #isNegation()} terms. */
  Term negated() {
    if (isNegation()) {
      String text = code.toString().substring(1);
      return new Term(CodeBlock.of("$L", text), Printer.UNARY);
    }
    return new Term(CodeBlock.of("-$L", wrap(Printer.UNARY + 1)), Printer.UNARY);
  }

  Term times(Term other) {
    return new Term(CodeBlock.of("$L * $L", wrap(MUL), other.wrap(MUL + 1)), MUL);
  }

  Term over(Term other) {
    return new Term(CodeBlock.of("$L / $L", wrap(MUL), other.wrap(MUL + 1)), MUL);
  }

  /** This term's code, in parentheses if its operator binds looser than {@code context}. */
  CodeBlock wrap(int context) {
    return precedence < context ? CodeBlock.of("($L)", code) : code;
  }

  boolean isSimple() {
    return precedence == Printer.ATOM && !code.toString().contains("(");
  }
}
