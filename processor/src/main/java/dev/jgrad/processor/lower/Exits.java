package dev.jgrad.processor.lower;

import com.github.javaparser.ast.Node;
import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Exit codes for structured {@code return}, {@code break} and {@code continue}. Code 0 means
 * "running normally", 1 a return, and each loop gets an even code for its break and the next
 * odd one for its continue.
 */
final class Exits {
  static final int RETURN = 1;

  /** A loop being lowered: its label and codes, and whether its body used them. */
  static final class LoopContext {
    final String label;
    final int breakCode;
    final int continueCode;
    final boolean isSwitch;
    boolean usedBreak;
    boolean usedContinue;

    LoopContext(String label, int breakCode, boolean isSwitch) {
      this.label = label;
      this.breakCode = breakCode;
      this.continueCode = breakCode + 1;
      this.isSwitch = isSwitch;
    }
  }

  private final Context cx;
  private final Deque<LoopContext> loops = new ArrayDeque<>();
  private int nextCode = 2;
  private Var exit;

  Exits(Context cx) {
    this.cx = cx;
  }

  /** A switch: {@code break} leaves it, {@code continue} passes through to a loop. */
  LoopContext pushSwitch() {
    LoopContext l = new LoopContext(null, nextCode, true);
    nextCode += 2;
    loops.push(l);
    return l;
  }

  LoopContext pushLoop(String label) {
    LoopContext l = new LoopContext(label, nextCode, false);
    nextCode += 2;
    loops.push(l);
    return l;
  }

  void popLoop() {
    loops.pop();
  }

  /** Records that control leaves with {@code code}. */
  Flow leave(int code, int line, List<Stmt> out) {
    out.add(new Stmt.Assign(new Expr.Read(exitVar()), literal(code), line));
    return new Flow(false, Set.of(code));
  }

  /** A {@code break} or {@code continue}, to the innermost loop or the labelled one. */
  Flow jump(Node s, String label, boolean isBreak, List<Stmt> out) {
    for (LoopContext l : loops) {
      if (!isBreak && l.isSwitch) {
        continue;
      }
      if (label == null || label.equals(l.label)) {
        if (isBreak) {
          l.usedBreak = true;
        } else {
          l.usedContinue = true;
        }
        return leave(isBreak ? l.breakCode : l.continueCode, Context.line(s), out);
      }
    }
    cx.report(s, Message.UNSUPPORTED_STATEMENT, (isBreak ? "break" : "continue")
        + (label == null ? "" : " " + label) + " outside a loop", "break and continue loops only.");
    return Flow.LEAVES;
  }

  /** Leaves the switch expression {@code target} (a {@code yield}). */
  Flow yield(LoopContext target, int line, List<Stmt> out) {
    target.usedBreak = true;
    return leave(target.breakCode, line, out);
  }

  /** {@code exit == 0}. */
  Expr noExit() {
    return is(0);
  }

  Expr is(int code) {
    return new Expr.Binary("==", new Expr.Read(exitVar()), literal(code), Type.BOOLEAN);
  }

  Stmt reset(int line) {
    return new Stmt.Assign(new Expr.Read(exitVar()), literal(0), line);
  }

  /**
   * Removes the exit-code assignments when nothing tests the code (a single return at the end,
   * or returns placed so that the rest of the method sits in the other branch).
   */
  void dropUnusedExitCodes(List<Stmt> body) {
    if (exit == null || tests(body)) {
      return;
    }
    remove(body);
    cx.locals.remove(exit);
  }

  private boolean tests(List<Stmt> stmts) {
    for (Stmt s : stmts) {
      if (s instanceof Stmt.If) {
        Stmt.If i = (Stmt.If) s;
        if (mentions(i.condition()) || tests(i.whenTrue()) || tests(i.whenFalse())) {
          return true;
        }
      } else if (s instanceof Stmt.Loop) {
        Stmt.Loop l = (Stmt.Loop) s;
        if (mentions(l.condition()) || tests(l.body()) || tests(l.update())) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean mentions(Expr e) {
    return dev.jgrad.processor.ir.Reads.of(e).contains(exit);
  }

  private void remove(List<Stmt> stmts) {
    if (stmts.stream().anyMatch(this::assignsExit)) {
      stmts.removeIf(s -> s instanceof Stmt.Assign
          && ((Stmt.Assign) s).target() instanceof Expr.Read
          && ((Expr.Read) ((Stmt.Assign) s).target()).var() == exit);
    }
    for (Stmt s : stmts) {
      if (s instanceof Stmt.If) {
        remove(((Stmt.If) s).whenTrue());
        remove(((Stmt.If) s).whenFalse());
      } else if (s instanceof Stmt.Loop) {
        remove(((Stmt.Loop) s).body());
        remove(((Stmt.Loop) s).update());
      }
    }
  }

  private boolean assignsExit(Stmt s) {
    return s instanceof Stmt.Assign && ((Stmt.Assign) s).target() instanceof Expr.Read
        && ((Expr.Read) ((Stmt.Assign) s).target()).var() == exit;
  }

  private Var exitVar() {
    if (exit == null) {
      exit = cx.newLocal("exit", Type.INT);
    }
    return exit;
  }

  private static Expr literal(int code) {
    return new Expr.Literal(String.valueOf(code), Type.INT);
  }
}
