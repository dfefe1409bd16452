package dev.jgrad.processor.reverse;

import com.palantir.javapoet.CodeBlock;
import dev.jgrad.processor.lower.Names;

/** A growing block of generated statements, with fresh names for the locals it declares. */
final class Code {
  private final CodeBlock.Builder builder = CodeBlock.builder();
  private final Names names;
  private boolean empty = true;

  Code(Names names) {
    this.names = names;
  }

  String fresh(String base) {
    return names.fresh(base);
  }

  void line(String text) {
    builder.addStatement("$L", text);
    empty = false;
  }

  void line(CodeBlock code) {
    builder.addStatement("$L", code);
    empty = false;
  }

  void comment(String text) {
    builder.add("// $L\n", text);
  }

  void open(String header) {
    builder.beginControlFlow("$L", header);
    empty = false;
  }

  void open(CodeBlock header) {
    builder.beginControlFlow("$L", header);
    empty = false;
  }

  void orElse() {
    builder.nextControlFlow("else");
  }

  void close() {
    builder.endControlFlow();
  }

  void add(CodeBlock block) {
    if (!block.isEmpty()) {
      builder.add(block);
      empty = false;
    }
  }

  /** Whether any statement was added (comments alone do not count). */
  boolean isEmpty() {
    return empty;
  }

  CodeBlock build() {
    return builder.build();
  }
}
