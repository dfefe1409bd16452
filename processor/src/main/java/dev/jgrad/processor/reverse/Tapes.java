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
 * saves again and the reverse sweep pops them in the opposite order.
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

  Tapes(Names names) {
    this.names = names;
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
    Cursor c = cursor(type);
    if (c == null) {
      return CodeBlock.of("$L.push($L)", stack(type), value);
    }
    String stored = type != Type.BOOLEAN ? value
        : value.equals("true") ? "1" : value.equals("false") ? "0" : "(" + value + ") ? 1 : 0";
    Level level = levels.peek();
    if (level == null) {
      return CodeBlock.of("$L = $L.store($L, $L++, $L)", c.items(), c.stack(), c.items(),
          c.top(), stored);
    }
    Push push = new Push(c, stored, type == Type.BOOLEAN ? Type.INT : type);
    level.pushes.add(push);
    return CodeBlock.of("$L", push);
  }

  /**
   * The two pushes that record an {@code if}'s decision, one at the end of each branch: only
   * one of them runs, so a loop reserves room for one.
   */
  List<CodeBlock> decision() {
    CodeBlock yes = push(Type.BOOLEAN, "true");
    Level level = levels.peek();
    int before = level == null ? 0 : level.pushes.size();
    CodeBlock no = push(Type.BOOLEAN, "false");
    if (level != null && level.pushes.size() > before) {
      level.pushes.get(before).counted = false;
    }
    return List.of(yes, no);
  }

  /**
   * A push through a cursor whose form is settled when its loop is written: a plain store when
   * the loop reserved room for it, else a store that grows the array when full.
   */
  private static final class Push {
    final Cursor cursor;
    final String value;
    final Type type;
    boolean reserved;
    /** False for the second of a decision's two pushes: only one of them runs. */
    boolean counted = true;

    Push(Cursor cursor, String value, Type type) {
      this.cursor = cursor;
      this.value = value;
      this.type = type;
    }

    @Override
    public String toString() {
      Cursor c = cursor;
      return reserved ? c.items() + "[" + c.top() + "++] = " + value
          : c.items() + " = " + c.stack() + ".store(" + c.items() + ", " + c.top() + "++, "
              + value + ")";
    }
  }

  /**
   * The pushes of one loop body, or of one branch of an {@code if} in it. A loop whose trip
   * count is bounded before it starts, and whose every push runs once per iteration (none in
   * a branch or a nested loop), reserves room for all of them and then stores without checks:
   * a grow path inside a hot loop keeps the JIT from compiling it tightly.
   */
  private static final class Level {
    final boolean counted;
    final List<Push> pushes = new ArrayList<>();
    boolean nested;

    Level(boolean counted) {
      this.counted = counted;
    }
  }

  private final java.util.ArrayDeque<Level> levels = new java.util.ArrayDeque<>();

  /**
   * Starts a loop body ({@code counted}: its trip count is bounded before it starts) or a
   * branch (never counted: it runs on some iterations only).
   */
  void enterLevel(boolean counted) {
    // Outside a loop that works through cursors there are no cursors to reserve on.
    levels.push(new Level(counted && open != null));
  }

  /**
   * Ends the level begun last, and returns the statements that reserve room for its pushes
   * when they can go unchecked, given the bound on its trip count (Java text of a long).
   */
  List<CodeBlock> exitLevel(String trips) {
    Level level = levels.pop();
    Level parent = levels.peek();
    if (parent != null && (level.nested || !level.pushes.isEmpty())) {
      parent.nested = true;
    }
    List<CodeBlock> out = new ArrayList<>();
    if (!level.counted || level.nested || level.pushes.isEmpty()) {
      return out;
    }
    Map<Type, Integer> counts = new EnumMap<>(Type.class);
    for (Push push : level.pushes) {
      push.reserved = true;
      if (push.counted) {
        counts.merge(push.type, 1, Integer::sum);
      }
    }
    counts.forEach((type, n) -> {
      Cursor c = cursors.get(type);
      out.add(CodeBlock.of("$L = $L.reserve($L, $L, $L)", c.items(), c.stack(), c.items(),
          c.top(), n == 1 ? trips : "(" + trips + ") * " + n));
    });
    return out;
  }

  /** The expression that pops the top of the stack of {@code type}. */
  CodeBlock pop(Type type) {
    Cursor c = cursor(type);
    if (c == null) {
      return CodeBlock.of("$L.pop()", stack(type));
    }
    CodeBlock read = CodeBlock.of("$L[--$L]", c.items(), c.top());
    return type == Type.BOOLEAN ? CodeBlock.of("$L != 0", read) : read;
  }

  /**
   * The array and the top of a stack that a loop works on through locals: the JIT keeps a local
   * top in a register, where {@code push} and {@code pop} load and store the stack's field at
   * every call, a memory round trip on the loop's critical path.
   */
  private record Cursor(String stack, String items, String top) {}

  /** The cursors of the loop being written, by stack type; null outside such a loop. */
  private Map<Type, Cursor> open;
  private final Map<Type, Cursor> cursors = new EnumMap<>(Type.class);

  /**
   * Starts a loop whose pushes and pops of doubles, ints and branch decisions go through
   * cursors. The loop must call nothing that could use the thread's stacks meanwhile (no
   * generated code, no method of the user's), since they see the stacks' old tops.
   *
   * @return false, doing nothing, when a loop around this one already works through cursors
   */
  boolean openCursors() {
    if (open != null) {
      return false;
    }
    open = new EnumMap<>(Type.class);
    return true;
  }

  /**
   * Ends the loop begun by {@link #openCursors}: the statements that take the cursors from the
   * stacks before the loop, and those that hand them back after it (both empty if the loop used
   * no stack). Each sweep of the loop is wrapped in both.
   */
  CursorCode closeCursors() {
    List<CodeBlock> load = new ArrayList<>();
    List<CodeBlock> store = new ArrayList<>();
    for (Cursor c : open.values()) {
      load.add(CodeBlock.of("$L = $L.items()", c.items(), c.stack()));
      load.add(CodeBlock.of("$L = $L.size()", c.top(), c.stack()));
      store.add(CodeBlock.of("$L.setSize($L)", c.stack(), c.top()));
    }
    open = null;
    return new CursorCode(load, store);
  }

  /** What wraps each sweep of a loop that works through cursors. */
  record CursorCode(List<CodeBlock> load, List<CodeBlock> store) {}

  /** The cursor for {@code type} in the open loop (branches use the int one), or null. */
  private Cursor cursor(Type type) {
    if (open == null || type != Type.DOUBLE && type != Type.INT && type != Type.BOOLEAN) {
      return null;
    }
    Type on = type == Type.BOOLEAN ? Type.INT : type;
    Cursor c = cursors.computeIfAbsent(on, t -> {
      String array = names.fresh(t == Type.DOUBLE ? "doubles" : "ints");
      String top = names.fresh(t == Type.DOUBLE ? "doubleTop" : "intTop");
      declarations.add(new Declaration(array, null,
          CodeBlock.of("$L[] $L", t.javaName(), array)));
      declarations.add(new Declaration(top, null, CodeBlock.of("int $L", top)));
      return new Cursor(stack(t), array, top);
    });
    open.put(on, c);
    return c;
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
