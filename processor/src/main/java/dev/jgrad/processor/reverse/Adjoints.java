package dev.jgrad.processor.reverse;

import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Var;
import dev.jgrad.processor.lower.Names;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names of adjoints: {@code xBar} holds d(result)/dx for a scalar x; an array's adjoint is an
 * array of the same shape ({@code aBar[i]} for {@code a[i]}).
 */
final class Adjoints {
  private final Map<Var, String> names = new LinkedHashMap<>();
  private final Names allocator;

  Adjoints(Names allocator) {
    this.allocator = allocator;
  }

  String of(Var v) {
    return names.computeIfAbsent(v, k -> allocator.fresh(k.name() + "Bar"));
  }

  /** The adjoint of an array expression: {@code aBar} for {@code a}, {@code mBar[i]} for a row. */
  String ofArray(Expr array, Printer printer) {
    if (array instanceof Expr.Read) {
      return of(((Expr.Read) array).var());
    }
    Expr.Index row = (Expr.Index) array;
    return ofArray(row.array(), printer) + "[" + printer.print(row.index()) + "]";
  }
}
