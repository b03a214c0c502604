using System;
using System.Collections.Concurrent;

namespace AlibabaEcsActivation.Endpoints;

/// <summary>
/// A client's resolved endpoints, so that calls do not build and parse a <see cref="Uri"/> each time:
/// the Endpoint override is parsed once, region endpoints once per region. Thread-safe; a race at
/// worst resolves the same region twice. Bounded, since region IDs come from callers.
/// </summary>
internal sealed class EndpointCache
{
    /// <summary>Far more than the regions that exist; past it, further regions are resolved per call.</summary>
    internal const int MaxRegions = 64;

    private readonly string? _endpoint;
    private readonly bool _allowInsecureHttp;
    private readonly ConcurrentDictionary<string, Uri> _byRegion = new(StringComparer.Ordinal);
    private Uri? _override;

    public EndpointCache(string? endpoint, bool allowInsecureHttp)
    {
        _endpoint = endpoint;
        _allowInsecureHttp = allowInsecureHttp;
    }

    /// <summary>What <see cref="EndpointResolver.Resolve"/> returns for <paramref name="regionId"/>; failures are not cached.</summary>
    public Uri Resolve(string regionId)
    {
        if (_endpoint is not null)
        {
            return _override ??= EndpointResolver.Resolve(regionId, _endpoint, _allowInsecureHttp);
        }

        if (_byRegion.TryGetValue(regionId, out Uri? cached))
        {
            return cached;
        }

        Uri resolved = EndpointResolver.Resolve(regionId, endpoint: null, _allowInsecureHttp);
        if (_byRegion.Count < MaxRegions)
        {
            _byRegion.TryAdd(regionId, resolved);
        }

        return resolved;
    }
}
