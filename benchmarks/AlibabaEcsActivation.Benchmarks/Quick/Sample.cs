namespace AlibabaEcsActivation.Benchmarks.Quick;

/// <summary>One measured round: mean time and allocation per operation.</summary>
internal readonly record struct Sample(double NanosecondsPerOp, double BytesPerOp);
