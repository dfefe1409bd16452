package dev.jgrad.processor.ir;

/** The value types of the supported subset. Only the {@code double} family carries a gradient. */
public enum Type {
  DOUBLE("double", 0),
  INT("int", 0),
  BOOLEAN("boolean", 0),
  DOUBLE_ARRAY("double[]", 1),
  DOUBLE_MATRIX("double[][]", 2),
  INT_ARRAY("int[]", 1);

  private final String javaName;
  private final int dimensions;

  Type(String javaName, int dimensions) {
    this.javaName = javaName;
    this.dimensions = dimensions;
  }

  public String javaName() {
    return javaName;
  }

  public int dimensions() {
    return dimensions;
  }

  public boolean isArray() {
    return dimensions > 0;
  }

  /** Whether values of this type can carry a gradient. */
  public boolean isDifferentiable() {
    return this == DOUBLE || this == DOUBLE_ARRAY || this == DOUBLE_MATRIX;
  }

  public boolean isNumeric() {
    return this == DOUBLE || this == INT;
  }

  /** The type of {@code a[i]} for an array of this type. */
  public Type element() {
    switch (this) {
      case DOUBLE_ARRAY:
        return DOUBLE;
      case DOUBLE_MATRIX:
        return DOUBLE_ARRAY;
      case INT_ARRAY:
        return INT;
      default:
        throw new IllegalStateException("not an array: " + this);
    }
  }

  /** The default value a hoisted local of this type starts with. */
  public String zero() {
    switch (this) {
      case DOUBLE:
        return "0.0";
      case INT:
        return "0";
      case BOOLEAN:
        return "false";
      default:
        return "null";
    }
  }

  /** The type named by a Java type's source text, or null when it is outside the subset. */
  public static Type fromJava(String text) {
    for (Type t : values()) {
      if (t.javaName.equals(text.replace(" ", ""))) {
        return t;
      }
    }
    return null;
  }
}
