package dev.jgrad.processor.reverse;

import com.palantir.javapoet.CodeBlock;
import dev.jgrad.processor.ir.Type;
import dev.jgrad.processor.lower.Names;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Loops that push and pop the thread's double and int stacks through local cursors (the
 * stack's array and top in locals) rather than through {@code push} and {@code pop}, whose loads
 * and stores of the stack's fields sit on a hot loop's critical path. The loop takes the cursors
 * from the stacks before it and hands them back after, in each sweep. Within it, a loop whose
 * trip count is known before it starts reserves room for all its pushes at once and then stores
 * without checks. Branch decisions go on the int stack there, one int each.
 */
final class Cursors {
  private final Names names;
  private final Function<Type, String> stack;
  private final Consumer<Tapes.Declaration> declare;

  Cursors(Names names, Function<Type, String> stack, Consumer<Tapes.Declaration> declare) {
    this.names = names;
    this.stack = stack;
    this.declare = declare;
  }

  /**
   * The statement that pushes {@code value} on the stack of {@code type} through the open
   * loop's cursor, or null when no loop is open or the type has no cursor.
   *
   * @param counted false for a push that runs instead of another one (a decision's second
   *     branch), so that a loop reserving room ahead counts the pair once
   */
  CodeBlock push(Type type, String value, boolean counted) {
    Cursor c = cursor(type);
    if (c == null) {
      return null;
    }
    String stored = type != Type.BOOLEAN ? value
        : value.equals("true") ? "1" : value.equals("false") ? "0" : "(" + value + ") ? 1 : 0";
    Level level = levels.peek();
    if (level == null) {
      return CodeBlock.of("$L = $L.store($L, $L++, $L)", c.items(), c.stack(), c.items(),
          c.top(), stored);
    }
    Push push = new Push(c, stored, type == Type.BOOLEAN ? Type.INT : type);
    push.counted = counted;
    level.pushes.add(push);
    return CodeBlock.of("$L", push);
  }

  /** The expression that pops the top of the stack of {@code type} through its cursor, or null. */
  CodeBlock pop(Type type) {
    Cursor c = cursor(type);
    if (c == null) {
      return null;
    }
    CodeBlock read = CodeBlock.of("$L[--$L]", c.items(), c.top());
    return type == Type.BOOLEAN ? CodeBlock.of("$L != 0", read) : read;
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

  private final ArrayDeque<Level> levels = new ArrayDeque<>();

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
      declare.accept(new Tapes.Declaration(array, null,
          CodeBlock.of("$L[] $L", t.javaName(), array)));
      declare.accept(new Tapes.Declaration(top, null, CodeBlock.of("int $L", top)));
      return new Cursor(stack.apply(t), array, top);
    });
    open.put(on, c);
    return c;
  }
}
