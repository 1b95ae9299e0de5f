package dev.rdb.agent.store;

import dev.rdb.agent.capture.CaptureSite;

/** What one instrumented frame's handler recorded: the site, the point it was left at, the values. */
record FrameCapture(CaptureSite site, int point, Object[] values) {}
