package dev.jgrad.processor;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.Trees;
import dev.jgrad.processor.analysis.Checks;
import dev.jgrad.processor.diag.Message;
import dev.jgrad.processor.diag.Problem;
import dev.jgrad.processor.diag.Reporter;
import dev.jgrad.processor.emit.GradClassWriter;
import dev.jgrad.processor.ir.Method;
import dev.jgrad.processor.lower.Lowering;
import dev.jgrad.processor.source.Differentiables;
import dev.jgrad.processor.source.ElementResolver;
import dev.jgrad.processor.source.HiddenMethods;
import dev.jgrad.processor.source.SourceReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * The annotation processor: for each class with {@code @Differentiable} methods, reads their
 * source, lowers it, checks it, and writes {@code FooGrad}. A class with any problem gets no
 * generated code (its problems are all reported); other classes are unaffected. An unexpected
 * exception becomes an "internal error" diagnostic on the method instead of crashing javac.
 */
public final class JgradProcessor extends AbstractProcessor {
  private Trees trees;
  private Reporter reporter;
  private SourceReader sources;
  private Differentiables differentiables;

  /**
   * {@code @Differentiable}, and {@code @Generated} and {@code @Pullback} too: the generated
   * classes carry them, and javac warns under {@code -Xlint:all} about an annotation no
   * processor claims, which would break builds that use {@code -Werror}.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Differentiables.ANNOTATION, GENERATED, "dev.jgrad.runtime.Pullback");
  }

  private static final String GENERATED = "javax.annotation.processing.Generated";

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (annotations.isEmpty()) {
      return false;
    }
    if (!init()) {
      return false;
    }
    Map<TypeElement, List<ExecutableElement>> byClass = new LinkedHashMap<>();
    for (TypeElement annotation : annotations) {
      if (!annotation.getQualifiedName().contentEquals(Differentiables.ANNOTATION)) {
        continue;
      }
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        if (e.getKind() == ElementKind.METHOD) {
          byClass.computeIfAbsent((TypeElement) e.getEnclosingElement(), k -> new ArrayList<>())
              .add((ExecutableElement) e);
        }
      }
    }
    List<ExecutableElement> all = new ArrayList<>();
    byClass.values().forEach(all::addAll);
    differentiables.noteCalls(all);
    for (Map.Entry<TypeElement, List<ExecutableElement>> entry : byClass.entrySet()) {
      processClass(entry.getKey(), entry.getValue());
    }
    reportHidden(round);
    // Claimed: no other processor has a use for @Differentiable, and an unclaimed annotation
    // is a warning under -Xlint:all.
    return true;
  }

  /** Methods in local or anonymous classes, which javac hides from processors. */
  private void reportHidden(RoundEnvironment round) {
    java.util.Set<CompilationUnitTree> seen = new java.util.HashSet<>();
    for (Element root : round.getRootElements()) {
      if (root.getAnnotation(javax.annotation.processing.Generated.class) != null) {
        // Generated classes (ours among them) have no hidden methods, and can be long to parse.
        continue;
      }
      com.sun.source.util.TreePath path = trees.getPath(root);
      if (path == null || !seen.add(path.getCompilationUnit())) {
        continue;
      }
      for (MethodDeclaration m : HiddenMethods.in(path.getCompilationUnit(), sources)) {
        reporter.report(Problem.of(m.getName(), Message.CLASS_ACCESS, m.getNameAsString(),
            "a local or anonymous class", "for it"), path.getCompilationUnit(), root);
      }
    }
  }

  private boolean init() {
    if (trees != null) {
      return true;
    }
    try {
      trees = Trees.instance(processingEnv);
    } catch (IllegalArgumentException e) {
      processingEnv.getMessager().printMessage(javax.tools.Diagnostic.Kind.ERROR,
          "jgrad needs javac's tree API (com.sun.source) to read method bodies, and this"
              + " compiler does not provide it: build with javac (Maven, Gradle, or the JDK's"
              + " javac).");
      return false;
    }
    reporter = new Reporter(trees, processingEnv.getMessager());
    sources = new SourceReader(trees, processingEnv.getSourceVersion());
    differentiables = new Differentiables(processingEnv.getElementUtils(), sources);
    return true;
  }

  private void processClass(TypeElement owner, List<ExecutableElement> methods) {
    String gradName = differentiables.gradName(owner);
    List<GradClassWriter.Entry> entries = new ArrayList<>();
    boolean failed = false;
    Map<ExecutableElement, List<Problem>> classProblems =
        ClassChecks.of(owner, methods, gradName, sources);
    for (ExecutableElement m : methods) {
      try {
        GradClassWriter.Entry entry =
            processMethod(owner, m, gradName, classProblems.getOrDefault(m, List.of()));
        if (entry == null) {
          failed = true;
        } else {
          entries.add(entry);
        }
      } catch (RuntimeException | StackOverflowError e) {
        failed = true;
        reporter.report(Problem.of(null, Message.INTERNAL, m.getSimpleName(), e), null, m);
      }
    }
    if (failed || entries.isEmpty()) {
      return;
    }
    PackageElement pkg = processingEnv.getElementUtils().getPackageOf(owner);
    String pkgName = pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
    GradClassWriter.Target target =
        new GradClassWriter.Target(pkgName, gradName, ClassName.get(owner), entries, owner);
    try {
      JavaFile file = GradClassWriter.write(target, JgradProcessor.class.getName());
      file.writeTo(processingEnv.getFiler());
    } catch (dev.jgrad.processor.emit.TooLarge e) {
      for (ExecutableElement m : methods) {
        if (m.getSimpleName().contentEquals(e.method())) {
          reporter.report(Problem.of(null, Message.TOO_LARGE, e.method(), e.statements(),
              e.method()), null, m);
        }
      }
    } catch (IOException | RuntimeException e) {
      reporter.report(Problem.of(null, Message.INTERNAL, owner.getSimpleName(), e), null, owner);
    }
  }

  /** Lowers and checks one method; reports its problems and returns null if it has any. */
  private GradClassWriter.Entry processMethod(TypeElement owner, ExecutableElement m,
      String gradName, List<Problem> fromClass) {
    SourceReader.Located src;
    try {
      src = sources.read(m);
    } catch (SourceReader.Unreadable e) {
      reporter.report(Problem.of(null, Message.NO_SOURCE, m.getSimpleName(), e.getMessage()),
          null, m);
      return null;
    }
    CompilationUnitTree unit = src.tree();
    MethodDeclaration decl = src.declaration();
    List<Problem> problems = new ArrayList<>(MethodValidator.validate(m, decl, gradName));
    problems.addAll(fromClass);
    Method lowered = null;
    String rule = Differentiables.backward(m);
    if (problems.isEmpty() && rule != null) {
      problems.addAll(RuleValidator.validate(owner, m, decl, rule));
      Lowering.Result result = Lowering.signature(decl, Differentiables.wrt(m));
      problems.addAll(result.problems());
      lowered = result.method();
    } else if (problems.isEmpty()) {
      ElementResolver resolver = new ElementResolver(processingEnv.getElementUtils(), owner,
          src.unit(), differentiables);
      Lowering.Result result = Lowering.lower(decl, Differentiables.wrt(m), resolver);
      problems.addAll(result.problems());
      lowered = result.method();
      if (lowered != null) {
        problems.addAll(Checks.of(lowered));
      }
    }
    for (Problem p : problems) {
      reporter.report(p, unit, m);
    }
    if (!problems.isEmpty()) {
      return null;
    }
    dev.jgrad.processor.ir.Callee self = differentiables.callee(m);
    return new GradClassWriter.Entry(lowered, javadocLink(owner, m), self.writesArrays(), rule,
        self.isSplit());
  }

  /** {@code Foo#f(double, double[])}, resolvable from the generated class's package. */
  private static String javadocLink(TypeElement owner, ExecutableElement m) {
    List<String> types = new ArrayList<>();
    m.getParameters().forEach(p -> types.add(p.asType().toString()));
    return owner.getQualifiedName() + "#" + m.getSimpleName() + "(" + String.join(", ", types)
        + ")";
  }
}
