package dev.jgrad.processor.analysis;

import dev.jgrad.processor.ir.Stmt;
import java.util.ArrayList;
import java.util.List;

/** Walks nested statement lists. */
public final class Walk {
  private Walk() {}

  /** Every statement, nested ones included, in source order. */
  public static List<Stmt> flatten(List<Stmt> body) {
    List<Stmt> out = new ArrayList<>();
    add(body, out);
    return out;
  }

  private static void add(List<Stmt> stmts, List<Stmt> out) {
    for (Stmt s : stmts) {
      out.add(s);
      if (s instanceof Stmt.If) {
        add(((Stmt.If) s).whenTrue(), out);
        add(((Stmt.If) s).whenFalse(), out);
      } else if (s instanceof Stmt.Loop) {
        add(((Stmt.Loop) s).body(), out);
        add(((Stmt.Loop) s).update(), out);
      }
    }
  }
}
