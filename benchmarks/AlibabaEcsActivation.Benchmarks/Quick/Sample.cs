namespace AlibabaEcsActivation.Benchmarks.Quick;

/// <summary>One measured round, per operation: wall-clock time, allocation, and this process's CPU time (all threads).</summary>
internal readonly record struct Sample(double NanosecondsPerOp, double BytesPerOp, double CpuNanosecondsPerOp = 0);
