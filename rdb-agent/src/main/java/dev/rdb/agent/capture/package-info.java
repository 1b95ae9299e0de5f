/**
 * Bytecode instrumentation with ASM: per method {@code SlotSplitter → Hoister → UnwindHandler},
 * chosen by {@link dev.rdb.agent.capture.CaptureClassVisitor} and driven by
 * {@link dev.rdb.agent.capture.CaptureTransformer}. See docs/ARCHITECTURE.md, "capture pipeline".
 */
package dev.rdb.agent.capture;
