package dev.jgrad.processor.random;

import java.util.List;

/**
 * A statement of a generated program. Loops carry their own bound, so every generated loop
 * terminates whatever the inputs, and labels are part of the loop they name.
 */
sealed interface Stmt {
  /** {@code ty name = init;}. An ARRAY local starts as a new array, an initialiser or an alias. */
  record Decl(Ty ty, String name, Expr init) implements Stmt {}

  /** An expression statement: an {@link Expr.Assign}, {@link Expr.Step} or {@link Expr.Invoke}. */
  record Eval(Expr expr) implements Stmt {}

  /** {@code if (condition) {...} else {...}}; {@code otherwise} is null when there is no else. */
  record If(Expr condition, List<Stmt> then, List<Stmt> otherwise) implements Stmt {}

  /**
   * {@code for (int c = 0; c < bound; c++)}, or when {@code down}, {@code for (int c = bound - 1;
   * c >= 0; c--)}; the bound has a small known range, so the trip count is bounded.
   */
  record For(String label, String counter, Expr bound, boolean down, List<Stmt> body)
      implements Stmt {}

  /** {@code for (double element : array)}. */
  record ForEach(String label, String element, String array, List<Stmt> body) implements Stmt {}

  /**
   * {@code int guard = 0; while (guard < max && condition) { guard++; ... }}, or the same as a
   * {@code do}/{@code while}: the guard bounds the trip count, the condition makes it depend on
   * the data.
   */
  record While(String label, String guard, int max, Expr condition, List<Stmt> body,
      boolean doWhile) implements Stmt {}

  /** {@code break;} or {@code break label;}; label null for the innermost loop. */
  record Break(String label) implements Stmt {}

  /** {@code continue;} or {@code continue label;}. */
  record Continue(String label) implements Stmt {}

  /**
   * A switch statement on an int: old-style cases ({@code case 1:}, falling through unless they
   * end with break) or arrow cases ({@code case 1 -> ...}).
   */
  record Switch(Expr selector, boolean arrow, List<Case> cases) implements Stmt {}

  /** {@code yield value;}, inside a switch expression. */
  record Yield(Expr value) implements Stmt {}

  /** {@code return value;}. */
  record Return(Expr value) implements Stmt {}
}
