package dev.jgrad.processor.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ExecutableElement;

/**
 * Finds the source of an annotated method. Annotation processing sees elements, not bodies, so
 * the compilation unit's text is read through javac's {@link Trees} and parsed with JavaParser at
 * the compilation's own language level. Each file is parsed once.
 */
public final class SourceReader {
  /** A method's parsed declaration and the javac unit it came from. */
  public record Located(MethodDeclaration declaration, CompilationUnit unit,
      CompilationUnitTree tree) {}

  /** Why a method's source could not be read. */
  public static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  private final Trees trees;
  private final JavaParser parser;
  private final LanguageLevel level;
  private final Map<CompilationUnitTree, CompilationUnit> parsed = new IdentityHashMap<>();
  private final Map<ExecutableElement, Object> located = new IdentityHashMap<>();
  private final Map<CompilationUnit, List<MethodDeclaration>> methods = new IdentityHashMap<>();

  public SourceReader(Trees trees, SourceVersion version) {
    this.trees = trees;
    this.level = level(version);
    // Unicode escapes are decoded first, as javac does, so \u0072eturn reads as return.
    this.parser = new JavaParser(new ParserConfiguration().setLanguageLevel(level(version))
        .setPreprocessUnicodeEscapes(true));
  }

  /**
   * The method's declaration. Looked up once per method: finding it walks the file, and every
   * stage asks for it.
   */
  public Located read(ExecutableElement method) throws Unreadable {
    Object known = located.get(method);
    if (known == null) {
      try {
        known = find(method);
      } catch (Unreadable e) {
        known = e;
      }
      located.put(method, known);
    }
    if (known instanceof Unreadable) {
      throw (Unreadable) known;
    }
    return (Located) known;
  }

  private Located find(ExecutableElement method) throws Unreadable {
    TreePath path = trees.getPath(method);
    if (path == null) {
      throw new Unreadable("it was compiled from a class file, not from source in this build");
    }
    CompilationUnitTree tree = path.getCompilationUnit();
    CompilationUnit unit = unit(tree);
    long start = trees.getSourcePositions().getStartPosition(tree, path.getLeaf());
    LineMap lines = tree.getLineMap();
    int line = (int) lines.getLineNumber(start);
    String name = method.getSimpleName().toString();
    int arity = method.getParameters().size();
    // The file's methods are listed once: walking the whole file for each method would make
    // a class with many methods quadratic.
    List<MethodDeclaration> all = methods.computeIfAbsent(unit,
        u -> u.findAll(MethodDeclaration.class));
    Optional<MethodDeclaration> decl = all.stream().filter(d ->
        d.getNameAsString().equals(name) && d.getParameters().size() == arity
            && d.getRange().map(r -> r.begin.line <= line && r.end.line >= line).orElse(false))
        .findFirst();
    if (decl.isEmpty()) {
      throw new Unreadable("its declaration was not found at line " + line);
    }
    return new Located(decl.get(), unit, tree);
  }

  /** The parsed file, parsed once. */
  public CompilationUnit unit(CompilationUnitTree tree) throws Unreadable {
    CompilationUnit unit = parsed.get(tree);
    if (unit == null) {
      unit = parse(tree);
      parsed.put(tree, unit);
    }
    return unit;
  }

  private CompilationUnit parse(CompilationUnitTree tree) throws Unreadable {
    String text;
    try {
      text = tree.getSourceFile().getCharContent(true).toString();
    } catch (IOException e) {
      throw new Unreadable("reading " + tree.getSourceFile().getName() + " failed: " + e);
    }
    ParseResult<CompilationUnit> result = parser.parse(text);
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      String first = result.getProblems().isEmpty() ? "unknown problem"
          : result.getProblems().get(0).getMessage().lines().findFirst().orElse("");
      String where = result.getProblems().isEmpty() ? "" : result.getProblems().get(0)
          .getLocation().flatMap(l -> l.getBegin().getRange()).map(r -> " at line "
              + r.begin.line).orElse("");
      throw new Unreadable("its file does not parse as Java " + level + where + ": " + first);
    }
    return result.getResult().get();
  }

  /** The JavaParser level for a javac source version: the same, or the newest it knows. */
  static LanguageLevel level(SourceVersion version) {
    int release = version.ordinal();
    for (int r = release; r >= 8; r--) {
      try {
        return LanguageLevel.valueOf("JAVA_" + r);
      } catch (IllegalArgumentException e) {
        // JavaParser has no level for this release yet: try the one before.
      }
    }
    return LanguageLevel.JAVA_17;
  }
}
