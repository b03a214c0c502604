using System;

namespace AlibabaEcsActivation.Testing.Authentication;

/// <summary>
/// A signature V3 <c>Authorization</c> header taken apart:
/// <c>&lt;algorithm&gt; Credential=&lt;AccessKeyId&gt;,SignedHeaders=&lt;a;b;c&gt;,Signature=&lt;hex&gt;</c>.
/// </summary>
internal sealed record Acs3Authorization(string Algorithm, string? Credential, string[]? SignedHeaders, string? Signature)
{
    public const string Acs3Algorithm = "ACS3-HMAC-SHA256";

    /// <summary>True when every part is there.</summary>
    public bool IsComplete => !string.IsNullOrEmpty(Credential) && SignedHeaders is { Length: > 0 } && !string.IsNullOrEmpty(Signature);

    public static Acs3Authorization Parse(string header)
    {
        string text = header.Trim();
        int space = text.IndexOf(' ', StringComparison.Ordinal);
        string algorithm = space < 0 ? text : text[..space];
        string? credential = null;
        string[]? signedHeaders = null;
        string? signature = null;
        foreach (string part in (space < 0 ? string.Empty : text[(space + 1)..]).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            string value = equals < 0 ? string.Empty : part[(equals + 1)..];
            switch (equals < 0 ? part : part[..equals])
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value.Split(';', StringSplitOptions.RemoveEmptyEntries); break;
                case "Signature": signature = value; break;
            }
        }

        return new Acs3Authorization(algorithm, credential, signedHeaders, signature);
    }

    /// <summary>The header with its signature replaced: what the request log keeps.</summary>
    public static string Redact(string header)
    {
        int at = header.IndexOf("Signature=", StringComparison.Ordinal);
        return at < 0 ? header : header[..(at + "Signature=".Length)] + RecordedRequest.Redacted;
    }

    // The signature is a secret of the request.
    public override string ToString() => $"Acs3Authorization {{ {Algorithm} Credential={Credential} }}";
}
