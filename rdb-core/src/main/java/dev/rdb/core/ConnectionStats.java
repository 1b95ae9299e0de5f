package dev.rdb.core;

/**
 * Counters of one connection, for tests, tools and benchmarks.
 *
 * @param roundTrips requests this end sent that wait for a reply (one per {@link Batch#execute()}
 *     or single operation)
 * @param requestsServed requests from the peer this end executed
 * @param releasesSent RELEASE messages this end sent (each may release many references)
 * @param exportedObjects objects this end currently exports to the peer (its object table)
 * @param importedRefs live handles this end holds on the peer's objects
 * @param internalErrors unexpected failures inside rdb-core while serving (should stay 0)
 */
public record ConnectionStats(long roundTrips, long requestsServed, long releasesSent,
    int exportedObjects, int importedRefs, long internalErrors) {}
