package dev.jgrad.processor.random;

/**
 * A {@code static final} field of the generated class, read by the methods as {@link
 * Expr.Field}. A literal initialiser makes it a compile-time constant, which javac and jgrad
 * inline; a call such as {@code Math.sqrt(2.0)} does not, and jgrad reads the field by name.
 *
 * @param ty DOUBLE or INT
 */
record Constant(String name, Ty ty, Expr init) {}
