package dev.jgrad.processor.random;

import dev.jgrad.processor.testing.Compiled;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Greedy shrinking: try the one-step simplifications of {@link Rewrites} in order, keep the first
 * that still fails the same way, and start again from it, until none does or time runs out.
 * Candidates are compiled in batches, since javac start-up dominates.
 */
final class Shrinker {
  /** Candidates per javac run. */
  private static final int CHUNK = 40;

  /** A program, its arguments and how it fails. */
  record Shrunk(Program program, Object[] args, Failure failure, int steps) {}

  /** Decides whether a candidate still shows the fault; for tests of the shrinker itself. */
  interface Judge {
    /** For each candidate in order, its failure, or null if it does not fail. */
    List<Failure> judge(List<Rewrites.Candidate> candidates);
  }

  private Shrinker() {}

  /** Shrinks a program that fails with {@code failure}, spending at most {@code millis}. */
  static Shrunk shrink(Program program, Object[] args, Failure failure, long millis) {
    return shrink(program, args, failure, millis, Shrinker::compileAndCheck);
  }

  static Shrunk shrink(Program program, Object[] args, Failure failure, long millis,
      Judge judge) {
    long deadline = System.currentTimeMillis() + millis;
    Shrunk current = new Shrunk(program, args, failure, 0);
    boolean progress = true;
    while (progress && System.currentTimeMillis() < deadline) {
      progress = false;
      Iterator<Rewrites.Candidate> candidates = Rewrites.of(current.program(), current.args());
      while (candidates.hasNext() && !progress && System.currentTimeMillis() < deadline) {
        List<Rewrites.Candidate> chunk = new ArrayList<>();
        while (candidates.hasNext() && chunk.size() < CHUNK) {
          chunk.add(candidates.next());
        }
        List<Failure> verdicts = judge.judge(chunk);
        for (int i = 0; i < chunk.size(); i++) {
          if (failure.sameAs(verdicts.get(i))) {
            current = new Shrunk(chunk.get(i).program(), chunk.get(i).args(), verdicts.get(i),
                current.steps() + 1);
            progress = true;
            break;
          }
        }
      }
    }
    return current;
  }

  /** The real judge: compile the candidates together and check each at its arguments. */
  static List<Failure> compileAndCheck(List<Rewrites.Candidate> candidates) {
    List<Batch.Unit> units = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      units.add(new Batch.Unit("S" + i, candidates.get(i).program()));
    }
    Batch.Result result = Batch.compile(units);
    List<Failure> out = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      String name = units.get(i).className();
      Failure broken = result.broken().get(name);
      if (broken != null) {
        out.add(broken);
        continue;
      }
      Compiled c = result.compiled().get(name);
      Outcome o = Check.run(c, name, candidates.get(i).program(), candidates.get(i).args());
      out.add(o instanceof Outcome.Failed f ? f.failure() : null);
    }
    return out;
  }

  /** A judge from a predicate on programs, for tests. */
  static Judge judgeBy(Predicate<Program> fails, Failure failure) {
    return candidates -> candidates.stream()
        .map(c -> fails.test(c.program()) ? failure : null).toList();
  }
}
