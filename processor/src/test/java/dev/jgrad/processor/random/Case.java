package dev.jgrad.processor.random;

import java.util.List;

/**
 * One case of a {@link Stmt.Switch} or {@link Expr.Switch}.
 *
 * @param labels the int labels, or empty for {@code default}
 * @param body the statements; in the old form a case without {@code break} falls through
 * @param value for {@code case 1 -> value;} in a switch expression, the value (and no body);
 *     else null
 */
record Case(List<Integer> labels, List<Stmt> body, Expr value) {
  boolean isDefault() {
    return labels.isEmpty();
  }

  Case withBody(List<Stmt> newBody) {
    return new Case(labels, newBody, value);
  }
}
