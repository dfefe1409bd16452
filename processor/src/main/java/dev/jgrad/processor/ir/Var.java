package dev.jgrad.processor.ir;

/**
 * A parameter or local of the source method. Identity matters: two sibling scopes may declare
 * locals with the same source name, and they are different variables with different Java names
 * in the generated code.
 */
public final class Var {
  private final String sourceName;
  private final String name;
  private final Type type;
  private final boolean parameter;

  public Var(String sourceName, String name, Type type, boolean parameter) {
    this.sourceName = sourceName;
    this.name = name;
    this.type = type;
    this.parameter = parameter;
  }

  /** The name in the user's source. */
  public String sourceName() {
    return sourceName;
  }

  /** The unique name in the generated method. */
  public String name() {
    return name;
  }

  public Type type() {
    return type;
  }

  public boolean isParameter() {
    return parameter;
  }

  @Override
  public String toString() {
    return name;
  }
}
