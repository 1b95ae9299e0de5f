package dev.rdb.cli.render;

/**
 * How much of a value to show.
 *
 * @param depth how many levels of objects are expanded (0: only the value itself)
 * @param width how many elements, entries or fields are shown per object
 * @param stringLength how many characters of a string are shown before it is cut
 */
public record RenderLimits(int depth, int width, int stringLength) {
  public static final RenderLimits DEFAULT = new RenderLimits(2, 10, 80);
  public static final int MAX_DEPTH = 20;

  public RenderLimits {
    if (depth < 0 || depth > MAX_DEPTH) {
      throw new IllegalArgumentException("depth must be 0.." + MAX_DEPTH + ": " + depth);
    }
    if (width < 1) {
      throw new IllegalArgumentException("width < 1: " + width);
    }
    if (stringLength < 1) {
      throw new IllegalArgumentException("stringLength < 1: " + stringLength);
    }
  }

  public RenderLimits withDepth(int newDepth) {
    return new RenderLimits(newDepth, width, stringLength);
  }

  public RenderLimits withWidth(int newWidth) {
    return new RenderLimits(depth, newWidth, stringLength);
  }
}
