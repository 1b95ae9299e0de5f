package dev.rdb.agent.serve;

import dev.rdb.agent.store.FrameView;
import dev.rdb.agent.store.LocalView;
import dev.rdb.agent.store.PostMortemView;
import dev.rdb.core.Redacted;
import dev.rdb.core.Redaction;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The post-mortems as sessions see them: the store's views with the value of every local whose
 * <em>name</em> matches the redaction replaced by {@link Redacted}. rdb-core redacts fields, map keys
 * and getters by name, but a local reaches the wire as the {@code value} field of a
 * {@link LocalView}, whose own name says nothing, so the substitution happens here, before anything
 * is exported.
 *
 * <p>Each served view is made once per store view and kept while the store keeps that post-mortem,
 * so every session (and every call) sees the same objects: identity and exported ids stay stable.
 */
final class ServedViews {

  private final Redaction redaction;
  /** Guarded by this: store view → served view, for the post-mortems the store still keeps. */
  private Map<PostMortemView, PostMortemView> served = new IdentityHashMap<>();

  ServedViews(Redaction redaction) {
    this.redaction = redaction;
  }

  /** The served form of {@code current} (the store's ring, oldest first). */
  synchronized List<PostMortemView> of(List<PostMortemView> current) {
    Map<PostMortemView, PostMortemView> next = new IdentityHashMap<>();
    List<PostMortemView> out = new ArrayList<>(current.size());
    for (PostMortemView pm : current) {
      PostMortemView view = served.get(pm);
      if (view == null) {
        view = redact(pm);
      }
      next.put(pm, view);
      out.add(view);
    }
    served = next;
    return out;
  }

  private PostMortemView redact(PostMortemView pm) {
    List<FrameView> frames = new ArrayList<>(pm.frames().size());
    boolean changed = false;
    for (FrameView f : pm.frames()) {
      FrameView r = redact(f);
      changed |= r != f;
      frames.add(r);
    }
    return !changed ? pm : new PostMortemView(pm.id(), pm.time(), pm.thread(), pm.name(),
        pm.exceptionType(), pm.message(), pm.throwable(), frames);
  }

  private FrameView redact(FrameView f) {
    List<LocalView> locals = new ArrayList<>(f.locals().size());
    boolean changed = false;
    for (LocalView l : f.locals()) {
      if (redaction.redacts(l.name())) {
        locals.add(new LocalView(l.name(), l.type(), l.argument(), Redacted.INSTANCE));
        changed = true;
      } else {
        locals.add(l);
      }
    }
    return !changed ? f : new FrameView(f.className(), f.methodName(), f.fileName(), f.line(),
        f.captured(), f.namesAvailable(), locals);
  }
}
