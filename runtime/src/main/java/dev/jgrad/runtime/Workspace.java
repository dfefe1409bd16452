package dev.jgrad.runtime;

/**
 * The tapes of the current thread, shared by every generated pullback that runs on it.
 *
 * <p>Sharing is safe because each pullback pops exactly what it pushed, last in first out: a
 * nested call (another differentiable method, or recursion) finishes its forward and reverse
 * sweeps before its caller goes on, so it leaves the stacks as it found them. Reusing one set of
 * stacks per thread means a warm pullback allocates nothing for its tape, however deep it goes.
 * If a call throws half way, what it pushed stays below later calls' entries and does no harm.
 */
public final class Workspace {
  private static final ThreadLocal<Workspace> CURRENT = ThreadLocal.withInitial(Workspace::new);

  private final DoubleStack doubles = new DoubleStack(1024);
  private final IntStack ints = new IntStack(256);
  private final BooleanStack booleans = new BooleanStack();
  private final ReferenceStack<double[]> vectors = new ReferenceStack<>();
  private final ReferenceStack<double[][]> matrices = new ReferenceStack<>();
  private final ReferenceStack<int[]> intArrays = new ReferenceStack<>();

  private Workspace() {}

  /** This thread's workspace. */
  public static Workspace current() {
    return CURRENT.get();
  }

  public DoubleStack doubles() {
    return doubles;
  }

  public IntStack ints() {
    return ints;
  }

  public BooleanStack booleans() {
    return booleans;
  }

  public ReferenceStack<double[]> vectors() {
    return vectors;
  }

  public ReferenceStack<double[][]> matrices() {
    return matrices;
  }

  public ReferenceStack<int[]> intArrays() {
    return intArrays;
  }
}
