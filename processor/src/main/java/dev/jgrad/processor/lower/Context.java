package dev.jgrad.processor.lower;

import com.github.javaparser.ast.Node;
import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.diag.Problem;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;

/** The state shared by statement and expression lowering of one method. */
final class Context {
  final Resolver resolver;
  final Names names = new Names();
  final Scope scope = new Scope();
  final List<Var> locals = new ArrayList<>();
  final List<Problem> problems = new ArrayList<>();
  /** Exit codes of the method being lowered; set once by {@link Lowering}. */
  Exits exits;
  /** The switch expression a {@code yield} belongs to, while one is being lowered. */
  Switches yieldTarget;
  /** Lowers statement lists; set once by {@link Lowering}, for switch expressions. */
  Blocks blocks;

  /** Lowers {@code stmts[from..]} into {@code out}, as {@link Lowering} does. */
  interface Blocks {
    Flow block(List<com.github.javaparser.ast.stmt.Statement> stmts, int from, List<Stmt> out);
  }

  Context(Resolver resolver) {
    this.resolver = resolver;
  }

  /**
   * Stand-ins for what could not be lowered: a refused expression becomes a placeholder of a
   * plausible type, a refused declaration still declares its variable, and later checks stay
   * silent about them, so one mistake gives one error rather than a cascade.
   */
  private final java.util.Set<Expr> invalidExprs =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private final java.util.Set<Var> invalidVars = new java.util.HashSet<>();

  Expr invalid(Type type) {
    Expr e = new Expr.Literal(type.zero(), type);
    invalidExprs.add(e);
    return e;
  }

  void markInvalid(Var v) {
    invalidVars.add(v);
  }

  /** Whether {@code e} contains a stand-in for something already reported. */
  boolean isInvalid(Expr e) {
    if (e == null || invalidExprs.contains(e)
        || e instanceof Expr.Read && invalidVars.contains(((Expr.Read) e).var())) {
      return true;
    }
    boolean[] found = {false};
    dev.jgrad.processor.ir.Exprs.forEachChild(e, c -> found[0] |= isInvalid(c));
    return found[0];
  }

  /** A new local with a unique Java name based on {@code sourceName}. */
  Var newLocal(String sourceName, Type type) {
    Var v = new Var(sourceName, names.fresh(sourceName), type, false);
    locals.add(v);
    return v;
  }

  /** A temporary that no user name can clash with (user names are allocated first or later). */
  Var newTemp(Type type) {
    return newLocal("t", type);
  }

  /** Names of classes generated code refers to by simple name; a local must not hide them. */
  private static final java.util.Map<String, String> RESERVED = java.util.Map.ofEntries(
      java.util.Map.entry("Math", "java.lang.Math"),
      java.util.Map.entry("StrictMath", "java.lang.StrictMath"),
      java.util.Map.entry("System", "java.lang.System"),
      java.util.Map.entry("Double", "java.lang.Double"),
      java.util.Map.entry("Partials", "dev.jgrad.runtime.Partials"),
      java.util.Map.entry("Buffers", "dev.jgrad.runtime.Buffers"),
      java.util.Map.entry("Args", "dev.jgrad.runtime.Args"),
      java.util.Map.entry("DoubleStack", "dev.jgrad.runtime.DoubleStack"),
      java.util.Map.entry("IntStack", "dev.jgrad.runtime.IntStack"),
      java.util.Map.entry("BooleanStack", "dev.jgrad.runtime.BooleanStack"),
      java.util.Map.entry("ReferenceStack", "dev.jgrad.runtime.ReferenceStack"));

  /** Reports a parameter or local whose name would hide a class the generated code uses. */
  void checkName(Node node, String name) {
    String hidden = RESERVED.get(name);
    if (hidden != null) {
      report(node, Message.RESERVED_NAME, name, hidden);
    }
  }

  void report(Node node, Message message, Object... args) {
    problems.add(Problem.of(node, message, args));
  }

  static int line(Node node) {
    return node.getRange().map(r -> r.begin.line).orElse(0);
  }
}
