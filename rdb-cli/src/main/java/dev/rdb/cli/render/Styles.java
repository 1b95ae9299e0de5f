package dev.rdb.cli.render;

import org.jline.utils.AttributedStyle;

/** The few styles rdb uses, named by what they mark. */
final class Styles {
  static final AttributedStyle TYPE = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE | AttributedStyle.BRIGHT);
  static final AttributedStyle KEYWORD = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
  static final AttributedStyle NAME = AttributedStyle.DEFAULT.bold();
  static final AttributedStyle NOTE = AttributedStyle.DEFAULT.faint();
  static final AttributedStyle CURRENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW).bold();

  private Styles() {}
}
