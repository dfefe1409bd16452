package dev.jgrad.processor.reverse;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.lower.Names;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where saved values live. Outside loops a value is saved in a local of its own (it is saved at
 * most once per call); inside loops it is pushed on a stack of its type, since each iteration
 * saves again and the reverse sweep pops them in the opposite order. In a loop that calls no
 * method the pushes and pops go through local cursors ({@link Cursors}).
 */
final class Tapes {
  private static final String RUNTIME = "dev.jgrad.runtime";

  private static final ClassName WORKSPACE = ClassName.get(RUNTIME, "Workspace");

  /**
   * A local declared at the top of a generated method: its name, its type if it holds a value
   * that may cross from a split pair's forward method to its reverse method (null for stack
   * handles and buffer aliases), and its declaration.
   */
  record Declaration(String name, Type type, CodeBlock line) {}

  private final Names names;
  private String workspace;
  private final Map<Type, String> stacks = new EnumMap<>(Type.class);
  private final List<Declaration> declarations = new ArrayList<>();
  private final Cursors cursors;

  Tapes(Names names) {
    this.names = names;
    this.cursors = new Cursors(names, this::stack, declarations::add);
  }

  /** Takes the stacks from the method's {@code Workspace} parameter rather than the thread's. */
  void useWorkspace(String parameter) {
    workspace = parameter;
  }

  /**
   * Saves {@code value} (Java text of type {@code type}) before it changes, and returns the
   * statement that puts it back, for the reverse sweep.
   */
  Saved save(String value, Type type, int depth) {
    if (depth == 0) {
      String slot = names.fresh("saved");
      declarations.add(slot(slot, type));
      return new Saved(CodeBlock.of("$L = $L", slot, value), CodeBlock.of("$L", slot));
    }
    return new Saved(push(type, value), pop(type));
  }

  /** The statement that pushes {@code value} on the stack of {@code type}. */
  CodeBlock push(Type type, String value) {
    return push(type, value, true);
  }

  private CodeBlock push(Type type, String value, boolean counted) {
    CodeBlock through = cursors.push(type, value, counted);
    return through != null ? through : CodeBlock.of("$L.push($L)", stack(type), value);
  }

  /** The expression that pops the top of the stack of {@code type}. */
  CodeBlock pop(Type type) {
    CodeBlock through = cursors.pop(type);
    return through != null ? through : CodeBlock.of("$L.pop()", stack(type));
  }

  /**
   * The two pushes that record an {@code if}'s decision, one at the end of each branch: only
   * one of them runs, so a loop that reserves room ahead counts one.
   */
  List<CodeBlock> decision() {
    return List.of(push(Type.BOOLEAN, "true", true), push(Type.BOOLEAN, "false", false));
  }

  /**
   * The reverse sweep's reading of a recorded decision, and its negation for a branch with only
   * an else ({@code ints[--intTop] == 0}; null where a plain {@code !} is all there is).
   */
  record Decision(String taken, String notTaken) {}

  /** Reads back a decision {@link #decision} recorded. */
  Decision readDecision() {
    CodeBlock read = cursors.pop(Type.INT);
    if (read != null) {
      return new Decision(read + " != 0", read + " == 0");
    }
    return new Decision(pop(Type.BOOLEAN).toString(), null);
  }

  /** Loops that work on the stacks through local cursors. */
  Cursors cursors() {
    return cursors;
  }

  /** A saved value: the forward statement that saves it and the expression that reads it back. */
  record Saved(CodeBlock save, CodeBlock load) {}

  /** A slot for a value recorded outside loops (a branch decision, a trip count). */
  String local(String base, Type type) {
    String slot = names.fresh(base);
    declarations.add(slot(slot, type));
    return slot;
  }

  private static Declaration slot(String name, Type type) {
    return new Declaration(name, type, CodeBlock.of("$L $L = $L", type.javaName(), name,
        type.zero()));
  }

  /**
   * The stack for values of {@code type}, declared on first use. Stacks come from the thread's
   * {@code Workspace}, so a warm pullback allocates no tape.
   */
  String stack(Type type) {
    return stacks.computeIfAbsent(type, t -> {
      String name = names.fresh(baseName(t));
      declarations.add(new Declaration(name, null, CodeBlock.of("$T $L = $L.$L()", stackType(t),
          name, workspace(), accessor(t))));
      return name;
    });
  }

  private static String accessor(Type t) {
    switch (t) {
      case DOUBLE:
        return "doubles";
      case INT:
        return "ints";
      case BOOLEAN:
        return "booleans";
      case DOUBLE_ARRAY:
        return "vectors";
      case DOUBLE_MATRIX:
        return "matrices";
      default:
        return "intArrays";
    }
  }

  /** Declarations for the top of the method: slots and stacks, in order of first use. */
  List<Declaration> declarations() {
    return declarations;
  }

  /** The thread's workspace: the method's parameter, or a local declared on first use. */
  String workspace() {
    if (workspace == null) {
      workspace = names.fresh("workspace");
      declarations.add(new Declaration(workspace, null,
          CodeBlock.of("$T $L = $T.current()", WORKSPACE, workspace, WORKSPACE)));
    }
    return workspace;
  }

  private static String baseName(Type t) {
    switch (t) {
      case DOUBLE:
        return "doubleTape";
      case INT:
        return "intTape";
      case BOOLEAN:
        return "branchTape";
      case DOUBLE_ARRAY:
        return "arrayTape";
      case DOUBLE_MATRIX:
        return "matrixTape";
      default:
        return "intArrayTape";
    }
  }

  private static TypeName stackType(Type t) {
    if (t.isArray()) {
      TypeName element = t == Type.DOUBLE_ARRAY ? TypeName.get(double[].class)
          : t == Type.DOUBLE_MATRIX ? TypeName.get(double[][].class) : TypeName.get(int[].class);
      return ParameterizedTypeName.get(ClassName.get(RUNTIME, "ReferenceStack"), element);
    }
    return rawType(t);
  }

  private static ClassName rawType(Type t) {
    switch (t) {
      case DOUBLE:
        return ClassName.get(RUNTIME, "DoubleStack");
      case INT:
        return ClassName.get(RUNTIME, "IntStack");
      case BOOLEAN:
        return ClassName.get(RUNTIME, "BooleanStack");
      default:
        return ClassName.get(RUNTIME, "ReferenceStack");
    }
  }
}
