package dev.jgrad.processor.lower;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.diag.Snippet;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Stmt;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;

/** Lowers method calls: Math functions, differentiable methods, and plain helpers. */
final class Calls {
  private final Context cx;
  private final ExprLowering exprs;
  private final MathFunctions math;

  Calls(Context cx, ExprLowering exprs, MathFunctions math) {
    this.cx = cx;
    this.exprs = exprs;
    this.math = math;
  }

  Expr call(MethodCallExpr e, List<Stmt> out) {
    String name = e.getNameAsString();
    if (SideEffects.isMath(e)) {
      String owner = e.getScope().get().toString().equals("StrictMath") ? "StrictMath" : "Math";
      return mathCall(e, name, owner, out);
    }
    if (e.getScope().isEmpty()) {
      // import static java.lang.Math.*: sin(x) is Math.sin(x), unless the class has its own.
      String imported = cx.resolver.staticImport(name);
      boolean math = "java.lang.Math".equals(imported) || "java.lang.StrictMath".equals(imported);
      if (math && !cx.resolver.declaresMethod(name)) {
        return mathCall(e, name, imported.substring("java.lang.".length()), out);
      }
    }
    if (e.getTypeArguments().isPresent()) {
      return exprs.unsupported(e, "a call with explicit type arguments",
          "call a plain static method.");
    }
    String qualifier = e.getScope().map(Expression::toString).orElse(null);
    if (e.getScope().isPresent() && e.getScope().get() instanceof NameExpr
        && cx.scope.lookup(qualifier) != null) {
      // x.clone(), list.get(i): a method of a value, not a static method.
      Var receiver = cx.scope.lookup(qualifier);
      Expr stand = cx.invalid(receiver.type());
      if (cx.isInvalid(new Expr.Read(receiver))) {
        return stand;
      }
      cx.report(e, Message.UNSUPPORTED_EXPRESSION, "calling " + name + "() on '" + qualifier
          + "'", receiver.type().isArray() && name.equals("clone")
              ? "copy the array element by element into new " + receiver.type().javaName()
                  .replaceFirst("\\[\\]", "[" + qualifier + ".length]") + "."
              : "jgrad calls static methods only.");
      return stand;
    }
    List<Expr> args = exprs.lowerAll(e.getArguments(), out);
    List<Type> types = new ArrayList<>();
    args.forEach(a -> types.add(a.type()));
    Resolver.CallLookup found = cx.resolver.method(qualifier, name, types);
    if (found == null) {
      String shown = qualifier == null ? name : qualifier + "." + name;
      cx.report(e, Message.NO_DERIVATIVE, shown + "(" + signature(types) + ")");
      return cx.invalid(Type.DOUBLE);
    }
    if (found.problem() != null) {
      cx.report(e, Message.CALL_TARGET, Snippet.of(e), found.problem());
      return cx.invalid(Type.DOUBLE);
    }
    int line = Context.line(e);
    if (found.differentiable() != null) {
      for (int k = 0; k < args.size(); k++) {
        Expr a = args.get(k);
        if (a.type().isArray() && !(a instanceof Expr.Read || a instanceof Expr.Index)) {
          cx.report(e.getArgument(k), Message.CALL_ARGUMENT, e.getArgument(k), name,
              "pass an array variable or a row such as m[i]");
        } else if (a instanceof Expr.Index row && !(row.index() instanceof Expr.Literal
            || row.index() instanceof Expr.Read)) {
          // The row is named again around the call (snapshots, the callee's adjoint), when the
          // callee may have changed what its index reads: compute the index once.
          args.set(k, new Expr.Index(row.array(), exprs.bind(row.index(), out, line)));
        }
      }
      Var result = cx.newTemp(found.differentiable().returnType());
      out.add(new Stmt.Call(result, found.differentiable(), args, line));
      return new Expr.Read(result);
    }
    Expr.PlainCall plain =
        new Expr.PlainCall(found.plainOwner(), name, args, found.plainReturnType(),
            found.plainWrites());
    return exprs.bind(plain, out, line);
  }

  private Expr mathCall(MethodCallExpr e, String name, String owner, List<Stmt> out) {
    if (!math.knows(name)) {
      cx.report(e, Message.UNKNOWN_MATH, name, MathFunctions.hint(name));
      return cx.invalid(Type.DOUBLE);
    }
    if (e.getArguments().size() != math.arity(name)) {
      cx.report(e, Message.TYPE_MISMATCH, Snippet.of(e),
          "Math." + name + " takes " + math.arity(name) + " argument(s)");
      return cx.invalid(Type.DOUBLE);
    }
    List<Expr> args = exprs.lowerAll(e.getArguments(), out);
    for (int k = 0; k < args.size(); k++) {
      if (!args.get(k).type().isNumeric()) {
        cx.report(e.getArgument(k), Message.TYPE_MISMATCH, Snippet.of(e.getArgument(k)),
            "Math." + name + " needs a number");
      }
    }
    List<Type> types = new ArrayList<>();
    args.forEach(a -> types.add(a.type()));
    return new Expr.MathCall(owner, name, args, math.resultType(name, types));
  }

  private static String signature(List<Type> types) {
    List<String> names = new ArrayList<>();
    types.forEach(t -> names.add(t.javaName()));
    return String.join(", ", names);
  }
}
