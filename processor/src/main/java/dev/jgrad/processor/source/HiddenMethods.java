package dev.jgrad.processor.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.sun.source.tree.CompilationUnitTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code @Differentiable} methods in local and anonymous classes. javac does not show
 * those to annotation processors, so without this look at the source they would be ignored in
 * silence.
 */
public final class HiddenMethods {
  private HiddenMethods() {}

  /** The names of such methods in one file, with where they are. */
  public static List<MethodDeclaration> in(CompilationUnitTree tree, SourceReader sources) {
    List<MethodDeclaration> out = new ArrayList<>();
    try {
      if (!tree.getSourceFile().getCharContent(true).toString().contains("Differentiable")) {
        return out;
      }
      CompilationUnit unit = sources.unit(tree);
      for (MethodDeclaration m : unit.findAll(MethodDeclaration.class)) {
        if (m.getAnnotationByName("Differentiable").isPresent() && isHidden(m)) {
          out.add(m);
        }
      }
    } catch (IOException | SourceReader.Unreadable e) {
      // The file's own methods will report that it cannot be read.
    }
    return out;
  }

  private static boolean isHidden(MethodDeclaration m) {
    for (Node n = m.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof LocalClassDeclarationStmt || n instanceof ObjectCreationExpr) {
        return true;
      }
    }
    return false;
  }
}
