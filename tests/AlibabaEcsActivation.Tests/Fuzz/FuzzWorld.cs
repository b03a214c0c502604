using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Tests.Infrastructure;

namespace AlibabaEcsActivation.Tests.Fuzz;

/// <summary>One attempt as the fuzz service sees it.</summary>
internal sealed record FuzzRequest(string Action, string ActivationId, string? NextToken, int Attempt, int DescribeSerial);

/// <summary>
/// The state of one fuzz case, shared by its handler and its checks. Every response is drawn from a
/// <see cref="Random"/> seeded by the case seed and the request's identity (action, activation ID, retry
/// number, and for DescribeActivations its serial number), never from arrival order, so a case replays
/// the same even when bulk disables run concurrently.
/// </summary>
internal sealed class FuzzWorld
{
    /// <summary>After this many DescribeActivations attempts every answer is a valid last page, so a walk must end.</summary>
    public const int DescribeBudget = 60;

    /// <summary>A client still asking after this many pages is looping.</summary>
    public const int RunawayDescribes = 200;

    private readonly ConcurrentQueue<(FuzzRequest Request, FuzzResponse Response)> _answers = new();
    private readonly ConcurrentDictionary<string, int> _complete2xx = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _servedNotFound = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _disableRequests = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _signatures = new();
    private int _describeSerial = -1;
    private int _tokenPages;
    private int _requests;
    private int _inHandler;
    private long _lastArrival;

    public FuzzWorld(int seed)
    {
        Seed = seed;
    }

    public int Seed { get; }

    /// <summary>Chance that an answer is a fault rather than the documented success.</summary>
    public double FaultRate { get; init; }

    /// <summary>How many pages with a NextToken a walk gets before the last page.</summary>
    public int MaxDepth { get; init; }

    /// <summary>Whether answers may stall (only with a short AttemptTimeout).</summary>
    public bool Stalls { get; init; }

    /// <summary>Whether an answer may cancel the caller's token.</summary>
    public bool MayCancelCaller { get; init; }

    public CancellationTokenSource Caller { get; } = new();

    /// <summary>The AttemptTimeout of a case whose answers may stall.</summary>
    public static readonly TimeSpan StallingAttemptTimeout = TimeSpan.FromMilliseconds(60);

    /// <summary>
    /// The case's clock: the backoffs (1-2 ms) elapse at once, and a stalled answer moves it past the
    /// attempt's deadline, so no case waits in real time.
    /// </summary>
    public TestClock Clock { get; } = new() { AutoAdvanceAmount = TimeSpan.Zero, InstantUpTo = TimeSpan.FromMilliseconds(2) };

    /// <summary>Stalls an answer: time passes beyond the attempt's deadline, and the wait ends when the client gives up.</summary>
    public async Task StallAsync(CancellationToken cancellationToken)
    {
        Clock.Advance(StallingAttemptTimeout);
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
    }

    public int Requests => Volatile.Read(ref _requests);

    public int DescribeRequests => Volatile.Read(ref _describeSerial) + 1;

    public int TokenPages => Volatile.Read(ref _tokenPages);

    /// <summary>Every answer, by shape, in arrival order (built when asked for: most cases never need it).</summary>
    public IEnumerable<string> Trace => _answers.Select(a => Line(a.Request, a.Response));

    /// <summary>Each answer's generator category, its delivery when not plain, and whether it had odd headers.</summary>
    public IEnumerable<string> Categories
    {
        get
        {
            foreach (var (_, response) in _answers)
            {
                yield return response.Category;
                if (response.Delivery != Delivery.Normal)
                {
                    yield return "delivery:" + response.Delivery;
                }

                if (response.Headers.Count > 0)
                {
                    yield return "odd headers";
                }
            }
        }
    }

    public IReadOnlyCollection<string> Signatures => _signatures;

    /// <summary>The activation IDs DisableActivation was called for, with how many attempts each.</summary>
    public IReadOnlyDictionary<string, int> DisableRequests => _disableRequests;

    public bool RunawayWalk => DescribeRequests > RunawayDescribes;

    /// <summary>Reads the attempt: action, ID, token, retry number; gives DescribeActivations its serial.</summary>
    public FuzzRequest Accept(HttpRequestMessage message)
    {
        Interlocked.Increment(ref _requests);
        string action = "?", id = string.Empty;
        string? token = null;
        foreach (string pair in message.RequestUri!.Query.TrimStart('?').Split('&'))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? pair : pair.Substring(0, eq);
            string value() => Uri.UnescapeDataString(eq < 0 ? string.Empty : pair.Substring(eq + 1));
            switch (name)
            {
                case "Action": action = value(); break;
                case "ActivationId": id = value(); break;
                case "NextToken": token = value(); break;
                case "Signature": _signatures.Add(value()); break;
            }
        }

        int attempt = message.Headers.TryGetValues("x-acs-retry-attempts", out var values) && int.TryParse(values.FirstOrDefault(), out int retries) ? retries : 0;
        int serial = action == "DescribeActivations" ? Interlocked.Increment(ref _describeSerial) : -1;
        if (action == "DisableActivation")
        {
            _disableRequests.AddOrUpdate(id, 1, (_, c) => c + 1);
        }

        return new FuzzRequest(action, id, token, attempt, serial);
    }

    public Random RandomFor(FuzzRequest request) =>
        new(Mix(Seed, request.Action, request.ActivationId, request.DescribeSerial, request.Attempt));

    /// <summary>Takes a NextToken page from the walk's budget; false when the walk should end here.</summary>
    public bool TakeTokenPage()
    {
        if (Interlocked.Increment(ref _tokenPages) <= MaxDepth)
        {
            return true;
        }

        Interlocked.Decrement(ref _tokenPages);
        return false;
    }

    /// <summary>Where a hung case stood: attempts received, SendAsync calls still inside the handler, time since the last one arrived.</summary>
    public string Progress()
    {
        long last = Volatile.Read(ref _lastArrival);
        string since = last == 0 ? "-" : $"{System.Diagnostics.Stopwatch.GetElapsedTime(last).TotalMilliseconds:0} ms";
        return $"{Requests} attempt(s) received, {Volatile.Read(ref _inHandler)} still inside SendAsync, the last one arrived {since} before the watchdog fired";
    }

    public void EnterHandler()
    {
        Interlocked.Increment(ref _inHandler);
        Volatile.Write(ref _lastArrival, System.Diagnostics.Stopwatch.GetTimestamp());
    }

    public void LeaveHandler() => Interlocked.Decrement(ref _inHandler);

    public void Record(FuzzRequest request, FuzzResponse response)
    {
        _answers.Enqueue((request, response));
        if (response.Complete2xx)
        {
            // Per action, and per action and ID (a DescribeActivations filter ID is kept too, harmlessly).
            _complete2xx.AddOrUpdate(Key(request.Action, string.Empty), 1, (_, c) => c + 1);
            _complete2xx.AddOrUpdate(Key(request.Action, request.ActivationId), 1, (_, c) => c + 1);
        }
        else if (response.Status is < 200 or > 299 && response.Delivery is Delivery.Normal or Delivery.Undeclared or Delivery.Trickle or Delivery.LyingLength
            && System.Text.Encoding.UTF8.GetString(response.Body) is { } text
            && (text.Contains("\"ActivationId.NotFound\"", StringComparison.Ordinal) || text.Contains("<Code>ActivationId.NotFound</Code>", StringComparison.Ordinal)))
        {
            _servedNotFound.TryAdd(Key(request.Action, request.ActivationId), 0);
        }
    }

    /// <summary>Whether an attempt of <paramref name="action"/> for <paramref name="activationId"/> was answered <c>ActivationId.NotFound</c>.</summary>
    public bool ServedNotFound(string action, string activationId) => _servedNotFound.ContainsKey(Key(action, activationId));

    /// <summary>Whether any attempt of <paramref name="action"/> (for <paramref name="activationId"/>) got a 2xx with its whole body.</summary>
    public bool Served2xx(string action, string activationId = "") => _complete2xx.ContainsKey(Key(action, activationId));

    /// <summary>The trace lines, sorted: the same multiset whatever order concurrent attempts arrived in.</summary>
    public IReadOnlyList<string> SortedTrace() => Trace.OrderBy(l => l, StringComparer.Ordinal).ToList();

    private static string Line(FuzzRequest request, FuzzResponse response)
    {
        string who = request.Action + (request.ActivationId.Length > 0 ? "(" + FuzzResponse.Printable(request.ActivationId, 24) + ")" : string.Empty);
        return $"{who} try {request.Attempt + 1}: {response.Label}";
    }

    /// <summary>FNV-1a over the parts: stable across processes (string.GetHashCode is not).</summary>
    public static int Mix(int seed, string action, string id, int serial, int attempt)
    {
        ulong h = 14695981039346656037UL;
        void Add(string s)
        {
            foreach (char c in s)
            {
                h = (h ^ c) * 1099511628211UL;
            }

            h = (h ^ 0xFF) * 1099511628211UL;
        }

        Add(seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(action);
        Add(id);
        Add(serial.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        h ^= h >> 29;
        return (int)(h & 0x7FFFFFFF);
    }

    private static string Key(string action, string id) => action + "\u0001" + id;
}
