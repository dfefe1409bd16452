package dev.jgrad.processor.lower;

import com.github.javaparser.ast.Node;
import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.diag.Problem;
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

  Context(Resolver resolver) {
    this.resolver = resolver;
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

  void report(Node node, Message message, Object... args) {
    problems.add(Problem.of(node, message, args));
  }

  static int line(Node node) {
    return node.getRange().map(r -> r.begin.line).orElse(0);
  }
}
