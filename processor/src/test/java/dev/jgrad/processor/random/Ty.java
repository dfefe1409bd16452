package dev.jgrad.processor.random;

/**
 * The types a generated program uses: the scalar ones, {@code double[]}, {@code int[]} (index
 * arrays) and {@code double[][]}.
 */
enum Ty {
  DOUBLE("double", "Gradient"),
  INT("int", "int"),
  BOOL("boolean", "boolean"),
  ARRAY("double[]", "Gradient[]"),
  INTS("int[]", "int[]"),
  MATRIX("double[][]", "Gradient[][]");

  private final String plain;
  private final String oracle;

  Ty(String plain, String oracle) {
    this.plain = plain;
    this.oracle = oracle;
  }

  /** The Java type in the program under test. */
  String plain() {
    return plain;
  }

  /** Whether jgrad differentiates a parameter of this type by default. */
  boolean differentiable() {
    return this == DOUBLE || this == ARRAY || this == MATRIX;
  }

  /** The Java type in the forward-mode oracle, where every double becomes a Gradient. */
  String oracle() {
    return oracle;
  }
}
