/**
 * Synthetic raw data for the ride-analytics jobs: a deterministic model of riders,
 * classes, workouts, per-second samples and ratings ({@link com.rides.generate.SyntheticRides}),
 * with the bad input of contract section 2 planted at a chosen rate and logged
 * ({@link com.rides.generate.Fault}, {@link com.rides.generate.FaultLog}), and a
 * throttled asynchronous writer of it into the raw tables
 * ({@link com.rides.generate.RideDataWriter}).
 *
 * <p>Use from the {@code generate} command:
 * <pre>{@code
 * GeneratorSpec spec = new GeneratorSpec(users, classes, days, endDate, seed, config.buckets(), faultRate);
 * WriteResult result = new RideDataWriter(session, config.rawKeyspace(), WriterOptions.defaults())
 *         .write(new SyntheticRides(spec), progress -> System.err.println(progress));
 * }</pre>
 *
 * <p>Choices the contract leaves open, written down here:
 * <ul>
 *   <li>buckets: see {@link com.rides.generate.Buckets};</li>
 *   <li>a rider rates a class at most once per day; a re-rate is on a later day
 *       with a different value;</li>
 *   <li>fault rates are per kind: each kind hits about {@code faultRate} of the rows
 *       of its scope; workout faults exclude each other, as do rating faults;</li>
 *   <li>the same seed gives the same rows on any JVM and machine ({@link com.rides.generate.Rng}).</li>
 * </ul>
 */
package com.rides.generate;
