package dev.jgrad.processor.diag;

import com.github.javaparser.Position;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Prints problems as compiler errors on the right line. A JavaParser position becomes a file
 * offset, the offset the innermost javac tree that starts there, and javac prints the message
 * with its usual file name, line and caret.
 */
public final class Reporter {
  private final Trees trees;
  private final Messager messager;
  private int errors;

  public Reporter(Trees trees, Messager messager) {
    this.trees = trees;
    this.messager = messager;
  }

  /** Reports {@code p} in {@code unit} (null when no source is known), else on {@code element}. */
  public void report(Problem p, CompilationUnitTree unit, Element element) {
    errors++;
    Tree tree = unit == null ? null : locate(p, unit);
    if (tree != null) {
      trees.printMessage(Diagnostic.Kind.ERROR, p.text(), tree, unit);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, p.text(), element);
    }
  }

  /** How many errors were reported so far. */
  public int errors() {
    return errors;
  }

  private Tree locate(Problem p, CompilationUnitTree unit) {
    long offset;
    if (p.node() != null && p.node().getBegin().isPresent()) {
      Position begin = p.node().getBegin().get();
      offset = unit.getLineMap().getStartPosition(begin.line) + begin.column - 1;
    } else if (p.line() > 0) {
      return new LineFinder(trees.getSourcePositions(), unit, p.line()).find();
    } else {
      return null;
    }
    return new Finder(trees.getSourcePositions(), unit, offset).find();
  }

  /**
   * Finds the first tree that starts on a line (the widest of those that start first), for
   * problems known only by line: a tree that merely spans the line, such as the block a closing
   * brace belongs to, would put the message on the line where that tree starts.
   */
  private static final class LineFinder extends TreePathScanner<Void, Void> {
    private final SourcePositions positions;
    private final CompilationUnitTree unit;
    private final long from;
    private final long to;
    private Tree best;
    private long bestStart = Long.MAX_VALUE;
    private long bestSize = -1;

    LineFinder(SourcePositions positions, CompilationUnitTree unit, int line) {
      this.positions = positions;
      this.unit = unit;
      this.from = unit.getLineMap().getStartPosition(line);
      long next;
      try {
        next = unit.getLineMap().getStartPosition(line + 1);
      } catch (IndexOutOfBoundsException e) {
        next = Long.MAX_VALUE;
      }
      this.to = next;
    }

    Tree find() {
      scan(unit, null);
      return best;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      if (tree == null) {
        return null;
      }
      long start = positions.getStartPosition(unit, tree);
      long end = positions.getEndPosition(unit, tree);
      if (start >= from && start < to
          && (start < bestStart || start == bestStart && end - start > bestSize)) {
        best = tree;
        bestStart = start;
        bestSize = end - start;
      }
      return super.scan(tree, unused);
    }
  }

  /** Finds the smallest tree whose span holds the offset. */
  private static final class Finder extends TreePathScanner<Void, Void> {
    private final SourcePositions positions;
    private final CompilationUnitTree unit;
    private final long offset;
    private Tree best;
    private long bestSize = Long.MAX_VALUE;

    Finder(SourcePositions positions, CompilationUnitTree unit, long offset) {
      this.positions = positions;
      this.unit = unit;
      this.offset = offset;
    }

    Tree find() {
      scan(unit, null);
      return best;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      if (tree == null) {
        return null;
      }
      long start = positions.getStartPosition(unit, tree);
      long end = positions.getEndPosition(unit, tree);
      if (start >= 0 && end >= start && start <= offset && offset < Math.max(end, start + 1)) {
        if (end - start < bestSize) {
          best = tree;
          bestSize = end - start;
        }
      }
      return super.scan(tree, unused);
    }
  }
}
