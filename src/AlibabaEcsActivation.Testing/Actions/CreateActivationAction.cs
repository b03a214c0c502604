using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AlibabaEcsActivation.Testing.Responses;

namespace AlibabaEcsActivation.Testing.Actions;

/// <summary>
/// CreateActivation: checks the documented rules, stores a new code and returns its ID and code string.
/// <list type="bullet">
/// <item><description>InstanceName: 2 to 50 characters, starts with a letter; letters, digits, <c>. _ - :</c> (so never <c>http://</c>).</description></item>
/// <item><description>Description: 1 to 100 characters. InstanceCount: 1 to 1000, default 10.</description></item>
/// <item><description>TimeToLiveInHours: default 4. The pages disagree on the range (the API model says 1 to 4, the
/// resource docs 1 to 876,576 = 100 years); the emulator accepts the tolerant 1 to 876,576, so a client that passes
/// what the service may accept is not failed by the emulator.</description></item>
/// <item><description>IpAddressRange: an IPv4/IPv6 address or CIDR block, default <c>0.0.0.0/0</c>. ResourceGroupId: <c>rg-…</c>, at most 64.</description></item>
/// <item><description>Tags: see <see cref="TagParameters"/>. ClientToken: ASCII, at most 64 characters; see <see cref="ClientTokenLedger"/>.</description></item>
/// </list>
/// </summary>
internal sealed partial class CreateActivationAction : IEmulatedAction
{
    public const long MaxTimeToLiveInHours = 876_576;

    // The documented example "a-hz0ch3SwhOlE1234+Xo32lAZC****": "a-" then 29 characters of Base64's alphabet, '+' included.
    private const string CodeAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+";
    private const int CodeLength = 29;

    public string Name => "CreateActivation";

    public void Execute(ActionContext context, ResponseNode response)
    {
        EmulatedActivation draft = Read(context);
        string? clientToken = context.Optional("ClientToken");
        CreatedActivation created = clientToken is null
            ? Store(context, draft)
            : context.Store.ClientTokens.GetOrCreate(context.Account, context.RegionId, clientToken, () => Store(context, draft));
        response.Add("ActivationId", created.ActivationId).Add("ActivationCode", created.ActivationCode);
    }

    private static CreatedActivation Store(ActionContext context, EmulatedActivation draft)
    {
        string activationId = Guid.NewGuid().ToString("D").ToUpperInvariant();
        context.Store.Put(draft with { ActivationId = activationId });
        return new CreatedActivation(activationId, "a-" + new string(RandomNumberGenerator.GetItems<char>(CodeAlphabet, CodeLength)));
    }

    /// <summary>Every parameter checked before anything is stored, so a refused request changes nothing.</summary>
    private static EmulatedActivation Read(ActionContext context)
    {
        string? instanceName = context.Optional("InstanceName");
        if (instanceName is not null && !InstanceNameRule().IsMatch(instanceName))
        {
            throw ServiceError.Malformed("InstanceName", "InstanceName must be 2 to 50 characters, start with a letter, and contain only letters, digits, '.', '_', '-' and ':'.");
        }

        string? description = context.Optional("Description");
        if (description is { Length: > 100 })
        {
            throw ServiceError.Malformed("Description", "Description must be 1 to 100 characters.");
        }

        string? ipAddressRange = context.Optional("IpAddressRange");
        if (ipAddressRange is not null && !IPAddress.TryParse(ipAddressRange, out _) && !IPNetwork.TryParse(ipAddressRange, out _))
        {
            throw ServiceError.Malformed("IpAddressRange", "IpAddressRange must be an IPv4 or IPv6 address or a CIDR block, e.g. 0.0.0.0/0.");
        }

        string? resourceGroupId = context.Optional("ResourceGroupId");
        if (resourceGroupId is not null && (!resourceGroupId.StartsWith("rg-", StringComparison.Ordinal) || resourceGroupId.Length > 64))
        {
            throw ServiceError.Malformed("ResourceGroupId", "ResourceGroupId must look like rg-123****** (at most 64 characters).");
        }

        if (context.Optional("ClientToken") is { } token && (token.Length > 64 || token.Any(c => c is < ' ' or > '~')))
        {
            throw ServiceError.Malformed("ClientToken", "ClientToken must be at most 64 printable ASCII characters.");
        }

        return new EmulatedActivation
        {
            ActivationId = string.Empty, // assigned when stored
            RegionId = context.RegionId,
            InstanceName = instanceName ?? string.Empty,
            Description = description ?? string.Empty,
            InstanceCount = (int)(context.OptionalNumber("InstanceCount", 1, 1000) ?? 10),
            TimeToLiveInHours = context.OptionalNumber("TimeToLiveInHours", 1, MaxTimeToLiveInHours) ?? 4,
            IpAddressRange = ipAddressRange ?? "0.0.0.0/0",
            ResourceGroupId = resourceGroupId ?? string.Empty,
            Tags = TagParameters.Read(context.Parameters, creating: true).Select(t => new EmulatedTag(t.Key, t.Value ?? string.Empty)).ToList(),
            CreationTime = TruncateToSeconds(context.Now),
            Disabled = false,
        };
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._:-]{1,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceNameRule();
}
