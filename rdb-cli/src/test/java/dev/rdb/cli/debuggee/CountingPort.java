package dev.rdb.cli.debuggee;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Wraps a port and records every exchange, so tests can assert round trips and plans. */
public final class CountingPort implements ObjectPort {
  private final ObjectPort delegate;
  private final List<Plan> plans = new ArrayList<>();
  private int describes;
  private int shapes;

  public CountingPort(ObjectPort delegate) {
    this.delegate = delegate;
  }

  @Override
  public PlanResult execute(Plan plan) {
    plans.add(plan);
    return delegate.execute(plan);
  }

  @Override
  public ObjectGraph describe(List<Value.ObjectRef> refs, int depth) {
    describes++;
    return delegate.describe(refs, depth);
  }

  @Override
  public Optional<TypeShape> shape(String typeName) {
    shapes++;
    return delegate.shape(typeName);
  }

  public List<Plan> plans() {
    return plans;
  }

  public int exchanges() {
    return plans.size() + describes + shapes;
  }

  public int shapeLookups() {
    return shapes;
  }
}
