using System;
using System.Diagnostics;
using System.Runtime;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Benchmarks.Quick;

/// <summary>
/// Warms up until the JIT has finished: tiered compilation moves every method the calls touch from
/// quick code through instrumented code to optimized code on a background thread. On this 2-core
/// machine, busy with the loopback server, that takes several seconds, and until it is done the SDK's
/// side, with far more code that is not precompiled than the raw side, runs slower than it will. A
/// warm-up of fixed length would measure part of that.
/// </summary>
internal static class JitWarmUp
{
    /// <summary>How long the JIT must compile nothing new before the code counts as warm.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs <paramref name="round"/> for at least <paramref name="minimum"/>, then until no method has been
    /// compiled for <see cref="Quiet"/>, or until <paramref name="maximum"/>; returns how long it ran.
    /// </summary>
    public static async Task<TimeSpan> RunAsync(Func<Task> round, TimeSpan minimum, TimeSpan maximum)
    {
        var clock = Stopwatch.StartNew();
        long compiled = JitInfo.GetCompiledMethodCount();
        TimeSpan lastCompiled = TimeSpan.Zero;
        while (clock.Elapsed < maximum)
        {
            await round();
            long now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                lastCompiled = clock.Elapsed;
            }
            else if (clock.Elapsed >= minimum && clock.Elapsed - lastCompiled >= Quiet)
            {
                break;
            }
        }

        return clock.Elapsed;
    }
}
