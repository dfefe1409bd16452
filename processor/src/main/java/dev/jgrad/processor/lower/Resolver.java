package dev.jgrad.processor.lower;

import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.ir.Callee;
import dev.jgrad.processor.ir.Expr;
import dev.jgrad.processor.ir.Type;
import java.util.List;

/**
 * What lowering needs to know about the world outside the method body: constants and other
 * methods. The processor answers from javac's elements; tests can answer from a map.
 */
public interface Resolver {
  /**
   * The outcome of looking up a name that is not a local: a constant, or a problem ({@code
   * MUTABLE_STATIC} or {@code FIELD_ACCESS}) about the named field.
   */
  record FieldLookup(Expr.Constant constant, Message problem, String field) {}

  /**
   * Looks up a field read by simple name ({@code qualifier} null) or as {@code Qualifier.NAME}.
   * Returns null when there is no such field at all.
   */
  FieldLookup field(String qualifier, String name);

  /**
   * The outcome of looking up a called method: a differentiable callee, or a plain method (its
   * qualified owner and return type), or a problem that makes the call unusable.
   */
  record CallLookup(Callee differentiable, String plainOwner, Type plainReturnType,
      List<Boolean> plainWrites, String problem) {}

  /**
   * Looks up a static method called with arguments of the given types. Returns null when there is
   * no such method.
   */
  CallLookup method(String qualifier, String name, List<Type> argumentTypes);

  /** The type a static import brings {@code name} from, or null. */
  String staticImport(String name);

  /** Whether the class, its supertypes or an enclosing class declare a method {@code name}. */
  boolean declaresMethod(String name);
}
