package dev.jgrad.processor.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shrinker against a stand-in fault, so that no compilation is needed. */
class RandomShrinkerTest {
  /** A fault that every program whose entry method calls Math.cosh shows. */
  private static boolean callsCosh(Program p) {
    return JavaText.methods(new Program(List.of(p.entry()))).contains("Math.cosh(");
  }

  @Test
  void shrinksToASmallProgramThatStillFails() {
    Campaign campaign = new Campaign(3);
    Failure fault = new Failure(Failure.Kind.GRADIENT, "", "stand-in");
    int shrunk = 0;
    for (int i = 0; i < 200 && shrunk < 5; i++) {
      Program p = campaign.program(i);
      if (!callsCosh(p) || JavaText.methods(p).lines().count() < 15) {
        continue;
      }
      Object[] args = Inputs.draw(p.entry(), new SplittableRandom(i));
      Shrinker.Shrunk s = Shrinker.shrink(p, args, fault, 20_000,
          Shrinker.judgeBy(RandomShrinkerTest::callsCosh, fault));
      String text = JavaText.methods(s.program());
      assertTrue(callsCosh(s.program()), text);
      assertTrue(WellFormed.check(s.program()), text);
      // The entry alone, with the call in its return or in one declaration.
      assertEquals(1, s.program().fns().size(), text);
      assertTrue(text.lines().count() <= 5, "not shrunk enough:\n" + text);
      assertEquals(s.program().entry().params().size(), s.args().length);
      shrunk++;
    }
    assertTrue(shrunk >= 3, "too few programs call cosh: " + shrunk);
  }

  @Test
  void aProgramThatNoLongerFailsIsNotTaken() {
    Program p = new Campaign(4).program(0);
    Failure fault = new Failure(Failure.Kind.VALUE, "", "stand-in");
    Object[] args = Inputs.draw(p.entry(), new SplittableRandom(0));
    Shrinker.Shrunk s = Shrinker.shrink(p, args, fault, 10_000,
        Shrinker.judgeBy(q -> false, fault));
    assertEquals(0, s.steps());
    assertEquals(JavaText.methods(p), JavaText.methods(s.program()));
  }
}
