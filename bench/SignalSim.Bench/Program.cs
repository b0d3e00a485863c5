// Entry point of the benchmarks (added in the benchmark work).
return;
