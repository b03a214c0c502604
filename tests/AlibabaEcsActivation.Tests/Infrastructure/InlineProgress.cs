using System;

namespace AlibabaEcsActivation.Tests.Infrastructure;

/// <summary>Reports synchronously on the reporting thread (<see cref="Progress{T}"/> would post each report elsewhere).</summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
