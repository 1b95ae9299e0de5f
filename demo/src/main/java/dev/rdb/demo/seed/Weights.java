package dev.rdb.demo.seed;

/** The callback the client passes: on the server it is a proxy whose calls go back to the client. */
public interface Weights {

  int weightOf(int sample);
}
