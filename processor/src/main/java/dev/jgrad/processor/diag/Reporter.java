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
      offset = firstCode(unit, p.line());
    } else {
      return null;
    }
    return new Finder(trees.getSourcePositions(), unit, offset).find();
  }

  private static long firstCode(CompilationUnitTree unit, int line) {
    long start = unit.getLineMap().getStartPosition(line);
    try {
      CharSequence text = unit.getSourceFile().getCharContent(true);
      long k = start;
      while (k < text.length() && Character.isWhitespace(text.charAt((int) k))
          && text.charAt((int) k) != '\n') {
        k++;
      }
      return k;
    } catch (java.io.IOException e) {
      return start;
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
