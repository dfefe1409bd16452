package dev.jgrad.processor.random;

import dev.jgrad.processor.testing.Compiled;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates, compiles and checks programs {@code from .. from + count - 1} of a seed, and counts
 * what happened. Program {@code i} depends only on the seed and {@code i}, so any one can be
 * regenerated alone.
 */
final class Campaign {
  /** Programs per javac run. */
  static final int BATCH = 60;
  /** Inputs drawn per program before it counts as rejected. */
  static final int ATTEMPTS = 12;
  /** Inputs checked per program. */
  static final int CHECKED_PER_PROGRAM = 2;

  /** A failure with what is needed to reproduce it. */
  record Found(int index, Program program, Object[] args, Failure failure) {}

  /** Counts of one run. */
  static final class Stats {
    int generated;
    int compiled;
    int programsChecked;
    int programsRejected;
    int pairsChecked;
    int pairsRejected;
    /** Compiled programs whose entry returns double[]. */
    int arrayValued;
    /** Checked pairs of those, each of which passed a dot-product test. */
    int dotProducts;
    long compileNanos;
    long checkNanos;
    final Map<String, Integer> rejections = new TreeMap<>();
    /** Checked pairs whose finite-difference check was skipped or undecided, by reason. */
    final Map<String, Integer> unchecked = new TreeMap<>();
    final List<Found> failures = new ArrayList<>();

    @Override
    public String toString() {
      return "generated " + generated + ", compiled " + compiled + ", checked " + programsChecked
          + " (" + pairsChecked + " program/input pairs), rejected " + programsRejected
          + " programs (no usable input in " + ATTEMPTS + " draws) and " + pairsRejected
          + " pairs " + rejections + ", finite differences skipped " + unchecked
          + ", array-valued " + arrayValued + " (" + dotProducts + " dot-product tests), failed "
          + failures.size()
          + String.format(Locale.ROOT, "; waited %.1f s for javac, checked for %.1f s",
              compileNanos / 1e9, checkNanos / 1e9);
    }
  }

  private final long seed;

  Campaign(long seed) {
    this.seed = seed;
  }

  /** The seed of program {@code index}: independent of every other program. */
  static long programSeed(long seed, int index) {
    return new SplittableRandom(seed + 0x9E3779B97F4A7C15L * index).nextLong();
  }

  Program program(int index) {
    return Generator.program(programSeed(seed, index));
  }

  /** The input generator of program {@code index}. */
  SplittableRandom inputs(int index) {
    return new SplittableRandom(programSeed(seed, index) ^ 0x5DEECE66DL);
  }

  Stats run(int from, int count) {
    Stats stats = new Stats();
    // javac runs on every core, checking on this thread (the oracle's state is static); a
    // window of batches bounds the memory that compiled classes take.
    int threads = Integer.getInteger("jgrad.random.threads",
        Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Deque<Future<Batch.Result>> pending = new ArrayDeque<>();
      Deque<List<Batch.Unit>> pendingUnits = new ArrayDeque<>();
      int next = from;
      while (next < from + count || !pending.isEmpty()) {
        while (next < from + count && pending.size() < threads + 1) {
          List<Batch.Unit> units = new ArrayList<>();
          for (int i = next; i < Math.min(from + count, next + BATCH); i++) {
            units.add(new Batch.Unit("R" + i, program(i)));
          }
          next += units.size();
          stats.generated += units.size();
          pending.add(pool.submit(() -> Batch.compile(units)));
          pendingUnits.add(units);
        }
        long t0 = System.nanoTime();
        Batch.Result result = await(pending.remove());
        long t1 = System.nanoTime();
        stats.compileNanos += t1 - t0;
        for (Batch.Unit u : pendingUnits.remove()) {
          int i = Integer.parseInt(u.className().substring(1));
          Failure broken = result.broken().get(u.className());
          if (broken != null) {
            stats.failures.add(new Found(i, u.program(),
                Inputs.draw(u.program().entry(), inputs(i)), broken));
            continue;
          }
          stats.compiled++;
          if (u.program().entry().result() == Ty.ARRAY) {
            stats.arrayValued++;
          }
          check(i, u, result.compiled().get(u.className()), stats);
        }
        stats.checkNanos += System.nanoTime() - t1;
      }
    } finally {
      pool.shutdownNow();
    }
    return stats;
  }

  private static Batch.Result await(Future<Batch.Result> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void check(int index, Batch.Unit unit, Compiled compiled, Stats stats) {
    SplittableRandom rnd = inputs(index);
    int checked = 0;
    for (int attempt = 0; attempt < ATTEMPTS && checked < CHECKED_PER_PROGRAM; attempt++) {
      Object[] args = Inputs.draw(unit.program().entry(), rnd);
      Outcome o = Check.run(compiled, unit.className(), unit.program(), args);
      if (o instanceof Outcome.Rejected r) {
        stats.pairsRejected++;
        stats.rejections.merge(reason(r.reason()), 1, Integer::sum);
      } else if (o instanceof Outcome.Failed f) {
        stats.failures.add(new Found(index, unit.program(), args, f.failure()));
        return;
      } else {
        checked++;
        stats.pairsChecked++;
        if (unit.program().entry().result() == Ty.ARRAY) {
          stats.dotProducts++;
        }
        String skipped = ((Outcome.Passed) o).skipped();
        if (skipped != null) {
          stats.unchecked.merge(skipped, 1, Integer::sum);
        }
      }
    }
    if (checked > 0) {
      stats.programsChecked++;
    } else {
      stats.programsRejected++;
    }
  }

  /** The kind of a rejection: the decision's name, or what was out of range. */
  private static String reason(String text) {
    int colon = text.indexOf(':');
    if (colon > 0) {
      return text.substring(0, colon);
    }
    int space = text.lastIndexOf(' ');
    return space > 0 ? text.substring(0, space) : text;
  }
}
