package dev.jgrad.processor.reverse;

import dev.jgrad.processor.ir.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * The adjoint array that goes with a newly assigned array: a fresh zero array of the same shape
 * for a new array, and the source's own adjoint for an alias ({@code b = a}, {@code row = m[i]}),
 * since aliases share storage and so must share gradients.
 */
final class ArrayAdjoints {
  private final Adjoints adjoints;
  private final Printer printer;

  ArrayAdjoints(Adjoints adjoints, Printer printer) {
    this.adjoints = adjoints;
    this.printer = printer;
  }

  String allocate(Expr value) {
    if (value instanceof Expr.NewArray) {
      return printer.print(value);
    }
    if (value instanceof Expr.ArrayLiteral) {
      return zeros((Expr.ArrayLiteral) value, true);
    }
    if (value instanceof Expr.Read || value instanceof Expr.Index) {
      return adjoints.ofArray(value, printer);
    }
    throw new IllegalStateException("no adjoint array for " + printer.print(value));
  }

  private String zeros(Expr.ArrayLiteral lit, boolean top) {
    if (lit.type().dimensions() == 1) {
      return "new double[" + lit.elements().size() + "]";
    }
    List<String> rows = new ArrayList<>();
    for (Expr e : lit.elements()) {
      rows.add(zeros((Expr.ArrayLiteral) e, false));
    }
    return (top ? "new double[][] " : "") + "{" + String.join(", ", rows) + "}";
  }
}
