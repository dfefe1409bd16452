package dev.jgrad.processor.diag;

import com.github.javaparser.ast.Node;

/**
 * One diagnostic waiting to be printed: the message, and where it points: a source node, or
 * only a line (for problems found after lowering), or neither (the method itself).
 */
public record Problem(Message message, String text, Node node, int line) {
  public static Problem of(Node node, Message message, Object... args) {
    return new Problem(message, message.format(args), node, 0);
  }

  public static Problem atLine(int line, Message message, Object... args) {
    return new Problem(message, message.format(args), null, line);
  }
}
