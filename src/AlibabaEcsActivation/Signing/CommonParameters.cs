using System.Collections.Generic;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// The parameters every RPC request carries besides its business ones, stamped afresh on every
/// attempt. A struct, so stamping them allocates nothing; the signer merges them with the call's
/// business parameters in a pooled buffer instead of copying both into a new collection.
/// </summary>
internal readonly struct CommonParameters
{
    /// <summary>The most parameters <see cref="CopyTo"/> writes.</summary>
    public const int MaxCount = 9;

    public CommonParameters(string action, string version, string timestamp, string signatureNonce, string accessKeyId, string? securityToken)
    {
        Action = action;
        Version = version;
        Timestamp = timestamp;
        SignatureNonce = signatureNonce;
        AccessKeyId = accessKeyId;
        SecurityToken = securityToken;
    }

    public string? Action { get; }
    public string? Version { get; }

    /// <summary>UTC, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public string? Timestamp { get; }
    public string? SignatureNonce { get; }
    public string? AccessKeyId { get; }

    /// <summary>Only for STS credentials; absent otherwise.</summary>
    public string? SecurityToken { get; }

    /// <summary>
    /// Adds these parameters after the first <paramref name="count"/> of <paramref name="items"/>, a
    /// name already present taking the new value (as <see cref="RpcParameters.Set"/> does); returns
    /// the new count. The default value (no action) adds nothing.
    /// </summary>
    public int CopyTo(KeyValuePair<string, string>[] items, int count)
    {
        if (Action is null)
        {
            return count;
        }

        // The common names differ from each other, so only the business ones can clash.
        int business = count;
        count = Put(items, count, business, "Action", Action);
        count = Put(items, count, business, "Format", "JSON");
        count = Put(items, count, business, "Version", Version!);
        count = Put(items, count, business, "Timestamp", Timestamp!);
        count = Put(items, count, business, "SignatureNonce", SignatureNonce!);
        count = Put(items, count, business, "SignatureMethod", RpcSigner.SignatureMethod);
        count = Put(items, count, business, "SignatureVersion", RpcSigner.SignatureVersion);
        count = Put(items, count, business, "AccessKeyId", AccessKeyId!);
        return SecurityToken is null ? count : Put(items, count, business, "SecurityToken", SecurityToken);
    }

    private static int Put(KeyValuePair<string, string>[] items, int count, int business, string name, string value)
    {
        for (int i = 0; i < business; i++)
        {
            if (string.Equals(items[i].Key, name, System.StringComparison.Ordinal))
            {
                items[i] = new KeyValuePair<string, string>(name, value);
                return count;
            }
        }

        items[count] = new KeyValuePair<string, string>(name, value);
        return count + 1;
    }
}
